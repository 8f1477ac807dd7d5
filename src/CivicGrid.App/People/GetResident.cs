using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.People;

public sealed record GetResident(int Id);

public sealed class GetResidentHandler(CivicGridDbContext db)
{
    /// <returns>Null when the resident does not exist or lies outside the caller's jurisdiction.</returns>
    public async Task<ResidentDetail?> HandleAsync(GetResident query, CancellationToken ct)
    {
        var today = db.Clock.Today();
        var r = await db.Residents.AsNoTracking().Include(x => x.Household).Include(x => x.Tags)
            .FirstOrDefaultAsync(x => x.Id == query.Id, ct);
        if (r is null)
        {
            return null;
        }
        var gridName = await db.PublicGeography().TerritoryNodes.Where(n => n.Code == r.GridCode).Select(n => n.Name).FirstOrDefaultAsync(ct);
        return new ResidentDetail(r.Id, r.Name, r.IdNumberMasked, r.BirthDate, ResidentViewMapping.GenderName(r.Gender),
            r.AgeOn(today), r.LifeStageOn(today).ChineseName(), r.ResidenceType.ChineseName(), r.PhoneMasked, r.MoveInDate,
            r.HouseholdId, r.Household?.Address, r.Relation.ChineseName(), r.GridCode, gridName ?? r.GridCode,
            r.Tags.Select(t => t.Name).Order().ToList(), db.Jurisdiction.Role.MayRevealPersonalData());
    }
}
