using System.Security.Cryptography;
using System.Text;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using IDatabaseProvider = CivicGrid.App.Data.IDatabaseProvider;

namespace CivicGrid.App.Tests.Data;

/// <summary>
/// An import looks up existing residents by 900 ID-number hashes per statement, in the transaction that writes them.
/// On PostgreSQL, where repeated statements are prepared, the lookup's plan must follow the table as it grows.
/// </summary>
public class BulkWorkPlanTests
{
    /// <summary>
    /// Under PostgreSQL's own default (<c>plan_cache_mode = auto</c>) the kept plan scans, and bulk work plans for the
    /// table as it is; the app's connections plan each run (custom plans) whatever the work.
    /// </summary>
    [Fact]
    public async Task APreparedLookupFirstRunOnAnEmptyTableUsesTheIndexOnceTheTransactionHasWrittenRows()
    {
        Assert.Contains("Seq Scan", await PlanAfterGrowingAsync(postgresDefault: true, bulkWork: false));
        Assert.DoesNotContain("Seq Scan", await PlanAfterGrowingAsync(postgresDefault: true, bulkWork: true));
        Assert.DoesNotContain("Seq Scan", await PlanAfterGrowingAsync(postgresDefault: false, bulkWork: false));
    }

    [Fact]
    public async Task OnSqliteBulkWorkChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var app = AppHarness.For(db);
        await using var scope = app.Scope(new SystemJurisdiction());
        await using var tx = await scope.Db.Database.BeginTransactionAsync();
        await scope.Get<IDatabaseProvider>().BeginBulkWorkAsync(scope.Db.Database.GetDbConnection(), tx.GetDbTransaction(), CancellationToken.None);
        Assert.Equal(0, await scope.Db.Residents.CountAsync());
    }

    /// <summary>
    /// The plan of a lookup prepared and run six times with 900 hashes on the empty table (PostgreSQL then keeps a generic
    /// plan), for 20 hashes after 30,000 rows were written in the same transaction: few enough that only a kept plan scans.
    /// </summary>
    private static async Task<string> PlanAfterGrowingAsync(bool postgresDefault, bool bulkWork)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var app = AppHarness.For(db);
        await using var scope = app.Scope(new SystemJurisdiction());
        var database = scope.Db.Database;
        await using var tx = await database.BeginTransactionAsync();
        if (postgresDefault)
        {
            await database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = auto");
        }
        if (bulkWork)
        {
            await scope.Get<IDatabaseProvider>().BeginBulkWorkAsync(database.GetDbConnection(), tx.GetDbTransaction(), CancellationToken.None);
        }
        await database.ExecuteSqlRawAsync("PREPARE lookup(text[]) AS SELECT \"Id\", \"Name\" FROM \"Residents\" WHERE \"IdNumberHash\" = ANY ($1)");
        for (var run = 0; run < 6; run++)
        {
            await using var execute = database.GetDbConnection().CreateCommand();
            execute.Transaction = tx.GetDbTransaction();
            execute.CommandText = $"EXECUTE lookup({Hashes(1_000_000 + run * 900, 900)})";
            await execute.ExecuteNonQueryAsync();
        }
        await database.ExecuteSqlRawAsync("""
            INSERT INTO "Residents" ("Name", "IdNumberCipher", "IdNumberHash", "IdNumberMasked", "IdLast4", "BirthDate", "Gender", "ResidenceType", "Relation", "GridCode")
            SELECT '居民' || i, '\x00'::bytea, encode(sha256(i::text::bytea), 'hex'), '330105*', lpad((i % 10000)::text, 4, '0'), DATE '1980-01-01', 1, 0, 0, '330105001001001'
            FROM generate_series(1, 30000) i
            """);
        await using var explain = database.GetDbConnection().CreateCommand();
        explain.Transaction = tx.GetDbTransaction();
        explain.CommandText = $"EXPLAIN EXECUTE lookup({Hashes(1, 20)})";
        var plan = new StringBuilder();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.AppendLine(reader.GetString(0));
        }
        return plan.ToString();
    }

    /// <summary>Hashes as the import computes them (64 hex digits), as an array literal.</summary>
    private static string Hashes(int first, int count) =>
        "'{" + string.Join(',', Enumerable.Range(first, count).Select(i => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))))) + "}'";
}
