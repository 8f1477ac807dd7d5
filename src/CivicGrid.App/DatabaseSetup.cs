using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Enterprises;
using CivicGrid.App.People;
using CivicGrid.App.Projects;
using CivicGrid.App.PublicServices;
using CivicGrid.App.Visits;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App;

public static class DatabaseSetup
{
    /// <summary>Applies pending migrations; SQLite files are switched to write-ahead logging so readers never wait for writers.</summary>
    public static async Task MigrateAsync(CivicGridDbContext db, CancellationToken ct)
    {
        // Migrating compares the whole model with the last migration's snapshot even when nothing is pending, which was
        // most of a start on an up-to-date database; the history table alone says whether there is work.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await db.Database.MigrateAsync(ct);
        }
        if (db.Database.ProviderName?.EndsWith(".Sqlite", StringComparison.Ordinal) == true)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await CaseReferenceData.EnsureAsync(db, ct);
        await PeopleReferenceData.EnsureAsync(db, ct);
        await ServiceReferenceData.EnsureAsync(db, ct);
        await EnterpriseReferenceData.EnsureAsync(db, ct);
        await ProjectReferenceData.EnsureAsync(db, ct);
        await VisitsReferenceData.EnsureAsync(db, ct);
    }
}
