using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Facilities;

/// <summary>Removes a facility; refused while residents hold places there, who would otherwise lose them silently.</summary>
public sealed record DeleteFacility(int Id);

public sealed class DeleteFacilityHandler(CivicGridDbContext db)
{
    public async Task<Outcome<int>> HandleAsync(DeleteFacility command, CancellationToken ct)
    {
        if (!db.Jurisdiction.MayAdminister())
        {
            return Outcome<int>.Forbidden(FacilityAccess.RoleRefused);
        }
        var facility = await db.Facilities.Include(f => f.Services).FirstOrDefaultAsync(f => f.Id == command.Id, ct);
        if (facility is null)
        {
            return Outcome<int>.NotFound();
        }
        if (!db.Jurisdiction.MayEdit(facility.GridCode))
        {
            return Outcome<int>.Forbidden(FacilityAccess.ScopeRefused);
        }
        var occupied = await GetFacilityHandler.OccupiedAsync(db, facility.Id, ct);
        if (occupied > 0)
        {
            return Outcome<int>.Invalid("Id", $"仍有 {occupied} 位居民在“{facility.Name}”享受名额，请先为他们调整后再删除");
        }
        db.Facilities.Remove(facility);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(command.Id);
    }
}
