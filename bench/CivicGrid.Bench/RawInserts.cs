using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CivicGrid.Bench;

/// <summary>
/// The anchor for case intake: the engine's own single-row insert rate into the same Cases table, one autocommitted
/// prepared INSERT per row from as many connections as the load generator uses, with nothing else done per row.
/// </summary>
internal static class RawInserts
{
    private const string Insert =
        "INSERT INTO \"Cases\" (\"ItemCode\", \"GridCode\", \"Description\", \"Latitude\", \"Longitude\", \"Source\", \"Token\", \"Status\", \"Level\", \"ResolvedFrom\", " +
        "\"ReceivedAt\", \"RespondBy\", \"UpdatedAt\", \"ResponseMissed\", \"ReworkCount\", \"ExtensionCount\", \"PressCount\", \"EscalationCount\", \"SupportCount\", \"Version\") " +
        "VALUES (@item, @grid, @description, 30.3, 120.1, 0, @token, 0, 0, 3, @at, @at, @at, FALSE, 0, 0, 0, 0, 0, 1)";

    public static async Task<double> RatePerSecondAsync(BenchDatabase database, string gridCode, int connections, int seconds)
    {
        var stop = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => WriterAsync(database, gridCode, stop, TimeSpan.FromSeconds(seconds))));
        return counts.Sum() / stop.Elapsed.TotalSeconds;
    }

    private static async Task<long> WriterAsync(BenchDatabase database, string gridCode, Stopwatch clock, TimeSpan duration)
    {
        await using DbConnection connection = database.Kind == "postgres" ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        if (connection is SqliteConnection)
        {
            await using var busy = connection.CreateCommand();
            busy.CommandText = "PRAGMA busy_timeout = 30000;";
            await busy.ExecuteNonQueryAsync();
        }
        await using var command = connection.CreateCommand();
        command.CommandText = Insert;
        var token = Parameter(command, "@token");
        Parameter(command, "@item").Value = "0101";
        Parameter(command, "@grid").Value = gridCode;
        Parameter(command, "@description").Value = "基准测试：单行插入";
        var at = Parameter(command, "@at");
        token.Value = "";
        at.Value = DateTime.SpecifyKind(TimeProvider.System.GetUtcNow().UtcDateTime, DateTimeKind.Utc);
        await command.PrepareAsync();
        long written = 0;
        while (clock.Elapsed < duration)
        {
            token.Value = Guid.NewGuid().ToString("N");
            at.Value = DateTime.SpecifyKind(TimeProvider.System.GetUtcNow().UtcDateTime, DateTimeKind.Utc);
            await command.ExecuteNonQueryAsync();
            written++;
        }
        return written;
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
