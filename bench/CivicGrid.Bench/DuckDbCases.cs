using System.Diagnostics;
using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using DuckDB.NET.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// DuckDB in memory on the machine's two cores, holding the columns of the cases the indicators count, copied once
/// from a bench database, for the same street × month GROUP BY the database runs.
/// </summary>
internal sealed class DuckDbCases : IDisposable
{
    private readonly DuckDBConnection _connection = new("Data Source=:memory:");

    private DuckDbCases()
    {
        _connection.Open();
        Execute("SET threads TO 2");
        Execute("""
            CREATE TABLE cases (grid_code VARCHAR, received_at TIMESTAMP, accepted_at TIMESTAMP, closed_at TIMESTAMP,
              rating INTEGER, rework_count INTEGER)
            """);
    }

    public int Rows { get; private set; }
    public TimeSpan Load { get; private set; }

    /// <summary>Every case's indicator columns, streamed from the database through the appender.</summary>
    public static async Task<DuckDbCases> LoadAsync(BenchDatabase database)
    {
        var duck = new DuckDbCases();
        var watch = Stopwatch.StartNew();
        await using var scope = database.Scope();
        var cases = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>().Cases.IgnoreQueryFilters().AsNoTracking()
            .Select(c => new { c.GridCode, c.ReceivedAt, c.AcceptedAt, c.ClosedAt, c.Rating, c.ReworkCount });
        using (var appender = duck._connection.CreateAppender("cases"))
        {
            await foreach (var c in cases.AsAsyncEnumerable())
            {
                appender.CreateRow().AppendValue(c.GridCode).AppendValue(c.ReceivedAt).AppendValue(c.AcceptedAt).AppendValue(c.ClosedAt)
                    .AppendValue((int?)c.Rating).AppendValue(c.ReworkCount).EndRow();
                duck.Rows++;
            }
        }
        duck.Load = watch.Elapsed;
        return duck;
    }

    /// <summary>One street's per-community counts for [start, end); returns the cases received, to check against the database.</summary>
    public int StreetMonth(string street, DateTime start, DateTime end)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"""
            SELECT substr(grid_code, 1, 12), COUNT(*), COUNT(accepted_at), COUNT(closed_at), COUNT(rating),
              COUNT(*) FILTER (WHERE rating = {(int)CaseRating.Satisfied}), COUNT(*) FILTER (WHERE rework_count > 0)
            FROM cases WHERE starts_with(grid_code, $street) AND received_at >= $start AND received_at < $end
            GROUP BY 1
            """;
        command.Parameters.Add(new DuckDBParameter("street", street));
        command.Parameters.Add(new DuckDBParameter("start", start));
        command.Parameters.Add(new DuckDBParameter("end", end));
        using var reader = command.ExecuteReader();
        var received = 0;
        while (reader.Read())
        {
            received += (int)reader.GetInt64(1);
        }
        return received;
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
