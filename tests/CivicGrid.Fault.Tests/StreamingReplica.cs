using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CivicGrid.Testing;
using Npgsql;

namespace CivicGrid.Fault.Tests;

/// <summary>
/// A PostgreSQL primary and a streaming replica of its own, started by dev/replica-pair.sh (the script dev/cluster.sh
/// starts its pair with) in a folder of the test's, with an empty database for the nodes to migrate. Replay on the
/// replica can be paused to make it lag.
/// </summary>
internal sealed class StreamingReplica : IAsyncDisposable
{
    private const string Database = "civicgrid";
    private readonly string _folder;
    private readonly int _port;

    private StreamingReplica(string folder, int port)
    {
        _folder = folder;
        _port = port;
    }

    /// <summary>Whether the PostgreSQL server binaries and HAProxy are installed (dev/ensure-tools.sh installs them).</summary>
    public static bool Available =>
        Directory.Exists("/usr/lib/postgresql") && Directory.GetFiles("/usr/lib/postgresql", "pg_basebackup", SearchOption.AllDirectories).Length > 0
        && FaultCluster.HaProxy() is not null;

    public string Primary => Connection(_port);
    public string Replica => Connection(_port + 1);

    public static async Task<StreamingReplica> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "civicgrid-tests", $"replica-{Guid.NewGuid():N}");
        var pair = new StreamingReplica(folder, FreePortPair());
        await pair.ScriptAsync("start", folder, pair._port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pair.Primary) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {Database}", connection);
        await create.ExecuteNonQueryAsync();
        return pair;
    }

    /// <summary>The primary's WAL position now.</summary>
    public Task<string> PrimaryPositionAsync() => ScalarAsync<string>(Primary, "SELECT pg_current_wal_lsn()::text");

    /// <summary>Waits until the replica has replayed everything the primary had written when this was called.</summary>
    public async Task CatchUpAsync()
    {
        var position = await PrimaryPositionAsync();
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(20))
        {
            if (await ScalarAsync<bool>(Replica, $"SELECT pg_last_wal_replay_lsn() >= '{position}'::pg_lsn"))
            {
                return;
            }
        }
        throw new TimeoutException($"The replica did not replay up to {position} within 30 s.");
    }

    public Task PauseReplayAsync() => ScalarAsync<object>(Replica, "SELECT pg_wal_replay_pause()::text");

    public Task ResumeReplayAsync() => ScalarAsync<object>(Replica, "SELECT pg_wal_replay_resume()::text");

    /// <summary>The replica's clock, to ask afterwards what ran there since.</summary>
    public Task<DateTime> ReplicaNowAsync() => ScalarAsync<DateTime>(Replica, "SELECT clock_timestamp()");

    /// <summary>The last statement of each connection named <paramref name="applicationName"/> on the replica that ran since <paramref name="since"/>.</summary>
    public async Task<List<string>> RanOnReplicaSinceAsync(string applicationName, DateTime since)
    {
        await using var connection = new NpgsqlConnection(Replica);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT query FROM pg_stat_activity WHERE application_name = @name AND query_start >= @since", connection);
        command.Parameters.AddWithValue("name", applicationName);
        command.Parameters.AddWithValue("since", since);
        var statements = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            statements.Add(reader.GetString(0));
        }
        return statements;
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static string Connection(int port) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = Database, Pooling = false }.ConnectionString;

    /// <summary>A port whose next one is free too: the replica takes it.</summary>
    private static int FreePortPair()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = new Uri(WebServerProcess.FreeLoopbackAddress()).Port;
            try
            {
                using var next = new TcpListener(IPAddress.Loopback, port + 1);
                next.Start();
                return port;
            }
            catch (SocketException) when (attempt < 20)
            {
            }
        }
    }

    private async Task ScriptAsync(params string[] arguments)
    {
        var script = Path.Combine(WebServerProcess.RepositoryRoot(), "dev", "replica-pair.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dev/replica-pair.sh {string.Join(' ', arguments)} failed: {await errors}{await output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ScriptAsync("stop", _folder);
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>A test that needs a primary with a streaming replica behind HAProxy: skipped where their binaries are not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReplicaFactAttribute : FactAttribute
{
    public ReplicaFactAttribute()
    {
        if (!StreamingReplica.Available)
        {
            Skip = "The PostgreSQL server binaries (pg_basebackup) or HAProxy are not installed: run dev/ensure-tools.sh.";
        }
    }
}
