using CivicGrid.App.Access;
using CivicGrid.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Data;

public class SqliteLockTests
{
    /// <summary>
    /// Every connection the app opens, new or from the pool, lets SQLite wait for the write lock itself for as long as a
    /// command may run; otherwise a writer meeting another's commit sleeps 150 ms in the driver.
    /// </summary>
    [Fact]
    public async Task EveryConnectionWaitsForTheWriteLockInsideSqlite()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var app = AppHarness.For(db);
        for (var round = 0; round < 2; round++)
        {
            await using var scope = app.Scope(new SystemJurisdiction());
            var connection = (SqliteConnection)scope.Db.Database.GetDbConnection();
            await scope.Db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout";
            Assert.Equal(connection.DefaultTimeout * 1000L, (long)(await command.ExecuteScalarAsync())!);
            Assert.True(connection.DefaultTimeout > 0);
        }
    }
}
