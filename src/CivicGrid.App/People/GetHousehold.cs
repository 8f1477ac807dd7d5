using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.People;

public sealed record GetHousehold(int Id);

public sealed record HouseholdMember(int ResidentId, string Name, string Relation, string IdNumber, string Gender, int Age, string LifeStage, IReadOnlyList<string> Tags);

public sealed record HouseholdDetail(int Id, string Code, string Address, string Room, int BuildingId, string BuildingName,
    string GridCode, string GridName, IReadOnlyList<HouseholdMember> Members);

public sealed class GetHouseholdHandler(CivicGridDbContext db)
{
    public async Task<HouseholdDetail?> HandleAsync(GetHousehold query, CancellationToken ct)
    {
        var today = db.Clock.Today();
        var h = await db.Households.AsNoTracking().Include(x => x.Building)
            .Include(x => x.Members).ThenInclude(m => m.Tags)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == query.Id, ct);
        if (h is null)
        {
            return null;
        }
        var gridName = await db.PublicGeography().TerritoryNodes.Where(n => n.Code == h.GridCode).Select(n => n.Name).FirstOrDefaultAsync(ct);
        var members = h.Members.OrderBy(m => m.Relation).ThenBy(m => m.BirthDate)
            .Select(m => new HouseholdMember(m.Id, m.Name, m.Relation.ChineseName(), m.IdNumberMasked, ResidentViewMapping.GenderName(m.Gender),
                m.AgeOn(today), m.LifeStageOn(today).ChineseName(), m.Tags.Select(t => t.Name).Order().ToList()))
            .ToList();
        return new HouseholdDetail(h.Id, h.Code, h.Address, h.Room, h.BuildingId, h.Building?.Name ?? "", h.GridCode, gridName ?? h.GridCode, members);
    }
}
