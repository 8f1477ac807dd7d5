using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Testing;
using Xunit.Abstractions;

namespace CivicGrid.Fault.Tests;

/// <summary>
/// Two nodes behind HAProxy on a PostgreSQL primary with a real streaming replica (pg_basebackup, hot standby) set as
/// <c>Database:ReadReplica</c>: the indicators, their export, the target lists and the list exports are read on the
/// replica while cases are written to the primary; with replay paused, the client that just raised a case sees it
/// counted (its reads go to the primary until the replica has replayed its write) while another sees the replica's
/// older figure; once replay resumes, both read the replica again.
/// </summary>
public class ReplicaReadsTests(ITestOutputHelper output)
{
    /// <summary>The replica connection's application name, to find its statements in pg_stat_activity on the standby.</summary>
    private const string ReplicaReads = "civicgrid-replica-reads";
    private const string ReplayCheck = "pg_last_wal_replay_lsn";

    [ReplicaFact]
    public async Task ReportsReadTheReplicaAndAWriterSeesTheirOwnWriteWhileItLags()
    {
        await using var pair = await StreamingReplica.StartAsync();
        var replica = $"{pair.Replica};Pooling=true;Application Name={ReplicaReads}";
        await using var cluster = await FaultCluster.StartAsync(2, new Dictionary<string, string?> { ["Database:ReadReplica"] = replica },
            TestDatabase.Existing(DatabaseKind.Postgres, pair.Primary));
        await pair.CatchUpAsync();
        var service = await StreamingReplica.ScalarAsync<int>(pair.Primary, "SELECT min(\"Id\") FROM \"ServiceItems\" WHERE \"PublishedRuleVersion\" IS NOT NULL");
        var grid = await StreamingReplica.ScalarAsync<string>(pair.Primary, "SELECT min(\"Code\") FROM \"TerritoryNodes\" WHERE length(\"Code\") = 15");
        var (admin, _) = await cluster.SignInAsync("admin");
        using var adminClient = cluster.Client(admin);
        await pair.CatchUpAsync();

        foreach (var page in new[]
                 {
                     "/api/indicators", "/api/indicators/export?format=csv", $"/api/services/{service}/targets",
                     $"/api/services/{service}/targets/people?group=Eligible", $"/api/services/{service}/targets/export?format=csv",
                     "/api/residents/export?format=csv", "/api/enterprises/export?format=csv", $"/api/territory/{grid}/buildings/export?format=csv",
                 })
        {
            var since = await pair.ReplicaNowAsync();
            using var response = await adminClient.GetAsync(page);
            Assert.True(response.IsSuccessStatusCode, $"{page}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var ran = await pair.RanOnReplicaSinceAsync(ReplicaReads, since);
            Assert.True(ran.Any(q => !q.Contains(ReplayCheck, StringComparison.Ordinal)), $"{page} read nothing on the replica.");
        }

        // Read-your-writes: a grid worker raises a case while the replica does not replay.
        var (writer, writerToken) = await cluster.SignInAsync("gridworker");
        var (other, _) = await cluster.SignInAsync("gridworker");
        using var writerClient = cluster.Client(writer);
        using var otherClient = cluster.Client(other);
        writerClient.DefaultRequestHeaders.Add("RequestVerificationToken", writerToken);
        await pair.CatchUpAsync();
        var before = await ReceivedAsync(writerClient);
        Assert.Equal(before, await ReceivedAsync(otherClient));
        await pair.PauseReplayAsync();
        try
        {
            var (latitude, longitude) = await GridCentreAsync(pair);
            using var raised = await writerClient.PostAsJsonAsync("/api/cases", new { itemCode = "0101", description = "楼道堆放杂物，影响通行安全", latitude, longitude });
            Assert.True(raised.IsSuccessStatusCode, await raised.Content.ReadAsStringAsync());
            var id = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            Assert.Equal(1L, await StreamingReplica.ScalarAsync<long>(pair.Primary, $"SELECT count(*) FROM \"Cases\" WHERE \"Id\" = {id}"));
            Assert.Equal(0L, await StreamingReplica.ScalarAsync<long>(pair.Replica, $"SELECT count(*) FROM \"Cases\" WHERE \"Id\" = {id}"));

            var since = await pair.ReplicaNowAsync();
            Assert.Equal(before + 1, await ReceivedAsync(writerClient));
            Assert.All(await pair.RanOnReplicaSinceAsync(ReplicaReads, since), q => Assert.Contains(ReplayCheck, q, StringComparison.Ordinal));
            Assert.Equal(before, await ReceivedAsync(otherClient));
            output.WriteLine(await CostAsync(pair, writerClient, otherClient));
        }
        finally
        {
            await pair.ResumeReplayAsync();
        }

        await pair.CatchUpAsync();
        var resumed = await pair.ReplicaNowAsync();
        Assert.Equal(before + 1, await ReceivedAsync(writerClient));
        Assert.Equal(before + 1, await ReceivedAsync(otherClient));
        Assert.Contains(await pair.RanOnReplicaSinceAsync(ReplicaReads, resumed), q => !q.Contains(ReplayCheck, StringComparison.Ordinal));
    }

    /// <summary>Cases received this year in the grid worker's scope, on the indicator API.</summary>
    private static async Task<long> ReceivedAsync(HttpClient client)
    {
        var report = await client.GetFromJsonAsync<JsonElement>("/api/indicators");
        return report.GetProperty("totals").GetProperty("counts").GetProperty("received").GetInt64();
    }

    private static async Task<(double, double)> GridCentreAsync(StreamingReplica pair)
    {
        var sql = "SELECT \"CentreLatitude\"::text || ' ' || \"CentreLongitude\"::text FROM \"TerritoryNodes\" WHERE length(\"Code\") = 15 ORDER BY \"Code\" LIMIT 1";
        var parts = (await StreamingReplica.ScalarAsync<string>(pair.Primary, sql)).Split(' ');
        return (double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// What a dashboard read costs on each path, measured while replay is paused: the other client reads the replica; the
    /// writer reads the primary after asking the replica how far it has replayed.
    /// </summary>
    private static async Task<string> CostAsync(StreamingReplica pair, HttpClient writer, HttpClient other)
    {
        async Task<(double Median, double Max)> TimeAsync(HttpClient client)
        {
            var times = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                var watch = Stopwatch.StartNew();
                await ReceivedAsync(client);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            return (times[times.Count / 2], times[^1]);
        }
        var replica = await TimeAsync(other);
        var primary = await TimeAsync(writer);
        var lag = await StreamingReplica.ScalarAsync<string>(pair.Replica, "SELECT (pg_last_wal_receive_lsn() - pg_last_wal_replay_lsn())::text");
        return $"/api/indicators over 20 requests: from the replica median {replica.Median:F1} ms (max {replica.Max:F1}); " +
            $"from the primary after the replay check median {primary.Median:F1} ms (max {primary.Max:F1}); replica behind by {lag} bytes of WAL while paused";
    }
}
