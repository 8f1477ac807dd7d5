using CivicGrid.App.Data;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.People;

/// <summary>
/// Puts the default resident tags into an empty database, so a district's registry files using them import on a new
/// installation as on the demo. Written only while the table is empty, so staff's edits are never overwritten.
/// </summary>
public static class PeopleReferenceData
{
    public static async Task EnsureAsync(CivicGridDbContext db, CancellationToken ct)
    {
        if (!await db.Tags.AnyAsync(ct))
        {
            db.Tags.AddRange(Tag.Defaults.Select(t => new Tag { Name = t.Name, Description = t.Description }));
            await db.SaveChangesAsync(ct);
        }
    }
}
