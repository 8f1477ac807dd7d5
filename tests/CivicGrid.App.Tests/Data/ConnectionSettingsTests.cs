using CivicGrid.App.Access;
using CivicGrid.Data.Postgres;
using CivicGrid.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Data;

public class ConnectionSettingsTests
{
    /// <summary>
    /// Every connection the app opens, new or from the pool, lets SQLite wait for the write lock itself for as long as a
    /// command may run; otherwise a writer meeting another's commit sleeps 150 ms in the driver.
    /// </summary>
    [Fact]
    public async Task EverySqliteConnectionWaitsForTheWriteLockInsideSqlite()
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

    /// <summary>A query the app runs again on a connection is prepared on the PostgreSQL server.</summary>
    [Fact]
    public async Task RepeatedPostgresQueriesArePreparedOnTheServer()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var app = AppHarness.For(db);
        await using var scope = app.Scope(new SystemJurisdiction());
        await scope.Db.Database.OpenConnectionAsync();
        for (var run = 0; run < 3; run++)
        {
            await scope.Db.TerritoryNodes.CountAsync(n => n.Code.StartsWith("330105"));
        }
        var prepared = await scope.Db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
        Assert.Contains(prepared, s => s.Contains("TerritoryNodes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostgresPlansAreNotCompiledUnlessTheConnectionStringSaysSo()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var app = AppHarness.For(db);
        await using var scope = app.Scope(new SystemJurisdiction());
        Assert.Equal("off", (await scope.Db.Database.SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"").ToListAsync()).Single());
        Assert.Equal("-c jit=on", new Npgsql.NpgsqlConnectionStringBuilder(PostgresProvider.WithPreparedStatements("Host=db;Options=-c jit=on")).Options);
    }

    [Theory]
    [InlineData("Host=db;Database=civicgrid", 64)]
    [InlineData("Host=db;Database=civicgrid;Max Auto Prepare=8", 8)]
    public void AConnectionStringThatNamesItsOwnPreparationKeepsIt(string connectionString, int expected) =>
        Assert.Equal(expected, new Npgsql.NpgsqlConnectionStringBuilder(PostgresProvider.WithPreparedStatements(connectionString)).MaxAutoPrepare);
}
