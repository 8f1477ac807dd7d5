using CivicGrid.App.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Data;

public class MigrationTests
{
    /// <summary>Fails when the model changed without `dev/add-migration.sh` adding a migration for this engine.</summary>
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheModelHasNoChangesWithoutAMigration(DatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var app = AppHarness.For(db);
        await using var scope = app.Scope(new SystemJurisdiction());
        Assert.False(scope.Db.Database.HasPendingModelChanges(), $"The {kind} migrations are behind the model: run dev/add-migration.sh.");
        Assert.Empty(await scope.Db.Database.GetPendingMigrationsAsync());
    }
}
