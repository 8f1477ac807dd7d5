using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Replica;
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

    /// <summary>
    /// The request's context and the reports' read-only one alike: plans are made for each run's parameters (a grid
    /// code's prefix narrows an index only in a custom plan) and not compiled, unless the connection string says otherwise.
    /// </summary>
    [Fact]
    public async Task PostgresPlansAreMadeForEachRunAndNotCompiledUnlessTheConnectionStringSaysSo()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var app = AppHarness.For(db);
        await using var scope = app.Scope(new SystemJurisdiction());
        var reports = await scope.Get<ReportingReads>().DbAsync(CancellationToken.None);
        foreach (var context in new[] { scope.Db, reports })
        {
            Assert.Equal("off", await SettingAsync(context, "jit"));
            Assert.Equal("force_custom_plan", await SettingAsync(context, "plan_cache_mode"));
        }
        Assert.Equal("on", await SettingAsync(reports, "default_transaction_read_only"));
        Assert.Equal("-c jit=on -c plan_cache_mode=force_custom_plan",
            new Npgsql.NpgsqlConnectionStringBuilder(PostgresProvider.WithPreparedStatements("Host=db;Options=-c jit=on")).Options);
    }

    private static async Task<string> SettingAsync(CivicGridDbContext db, string name) =>
        (await db.Database.SqlQuery<string>($"SELECT current_setting({name}) AS \"Value\"").ToListAsync()).Single();

    [Theory]
    [InlineData("Host=db;Database=civicgrid", 64)]
    [InlineData("Host=db;Database=civicgrid;Max Auto Prepare=8", 8)]
    public void AConnectionStringThatNamesItsOwnPreparationKeepsIt(string connectionString, int expected) =>
        Assert.Equal(expected, new Npgsql.NpgsqlConnectionStringBuilder(PostgresProvider.WithPreparedStatements(connectionString)).MaxAutoPrepare);
}
