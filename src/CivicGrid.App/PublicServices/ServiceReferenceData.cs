using CivicGrid.App.Data;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Facilities;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices;

/// <summary>
/// Puts the facility types and the starting service catalogue (each with its first rule, published) into an empty
/// database; each set only while its table is empty, so staff's edits are never overwritten.
/// </summary>
public static class ServiceReferenceData
{
    public static async Task EnsureAsync(CivicGridDbContext db, CancellationToken ct)
    {
        if (!await db.FacilityTypes.AnyAsync(ct))
        {
            db.FacilityTypes.AddRange(FacilityType.Seed.Select(s => s.Type));
        }
        if (!await db.ServiceItems.AnyAsync(ct))
        {
            var at = db.Clock.GetUtcNow().UtcDateTime;
            db.ServiceItems.AddRange(StandardCatalogue.Entries.Select(e => ItemOf(e, at)));
        }
        await db.SaveChangesAsync(ct);
    }

    private static ServiceItem ItemOf(CatalogueEntry entry, DateTime at) => new()
    {
        Code = entry.Code,
        Name = entry.Name,
        Description = entry.Description,
        Theme = entry.Theme,
        Mode = entry.Mode,
        LimitedPlaces = entry.LimitedPlaces,
        OpenedBy = entry.OpenedBy,
        PublishedRuleVersion = 1,
        Rules = [new EligibilityRule { Version = 1, Text = entry.Rule, Author = "system", CreatedAt = at, PublishedAt = at }],
    };
}
