using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CivicGrid.App.Access;
using CivicGrid.App.Audit;
using CivicGrid.Testing;
using Xunit.Abstractions;

namespace CivicGrid.Fault.Tests;

/// <summary>
/// A resident import large enough to take seconds, SIGKILLed mid-upload and at moments through parsing, checking and
/// writing: after each restart the district has none of the file or all of it, and importing it again finishes the job once.
/// </summary>
public class ImportKillTests(ITestOutputHelper output)
{
    private const int Rows = 40_000;
    private const string FileName = "residents.csv";
    /// <summary>Kill moments as multiples of how long checking the file alone takes; writing comes after checking.</summary>
    private static readonly double[] Moments = [0.3, 1.0, 1.8, 3.0, 5.0];

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnImportKilledAnywhereIsAllOrNothingAndImportingAgainIsIdempotent(DatabaseKind kind)
    {
        var watch = Stopwatch.StartNew();
        await using var site = await FaultSite.StartAsync(kind);
        var admin = await site.SignInAsync("admin");
        var before = await HouseholdCounts.ReadAsync(site);
        var file = ResidentFile.For(before.Members.Keys.Order(StringComparer.Ordinal).ToList(), Rows);
        var check = await TimeCheckAsync(admin, file);
        var states = new List<string> { await KillMidUploadAsync(site, admin, file, before) };
        foreach (var moment in Moments)
        {
            states.Add(await KillAtAsync(site, admin, file, before, check * moment, moment));
        }

        var importing = Stopwatch.StartNew();
        var first = await ImportAsync(admin, file);
        var importTime = importing.Elapsed;
        var afterFirst = await HouseholdCounts.ReadAsync(site);
        var again = await ImportAsync(admin, file);
        var afterAgain = await HouseholdCounts.ReadAsync(site);
        await site.KillAsync();
        var audit = await VerifyAuditAsync(site);
        output.WriteLine($"{kind}: {Rows:N0} rows ({file.Csv.Length / 1024} KiB), checking alone {check.TotalSeconds:F1} s, importing {importTime.TotalSeconds:F1} s; {site.Kills} kills: {string.Join("; ", states)}; " +
            $"then inserted {first.Inserted:N0} + unchanged {first.Unchanged:N0}, again inserted {again.Inserted} + unchanged {again.Unchanged:N0}; audit chain intact over {audit.Checked} entries; {watch.Elapsed.TotalSeconds:F0} s");

        Assert.DoesNotContain(states, s => s.Contains(nameof(ImportState.Partial), StringComparison.Ordinal));
        Assert.Equal(Rows, first.Inserted + first.Unchanged);
        Assert.Equal(ImportState.All, afterFirst.After(before, file));
        Assert.Equal((0, Rows), (again.Inserted, again.Unchanged));
        Assert.Equal(afterFirst.Residents, afterAgain.Residents);
        Assert.Equal(afterFirst.Members.OrderBy(m => m.Key), afterAgain.Members.OrderBy(m => m.Key));
        Assert.True(audit.Intact, $"The audit chain breaks at entry {audit.FirstBrokenId}.");
    }

    private sealed record Report(int Inserted, int Unchanged);

    /// <summary>How long the server takes to read and check the file without writing it (commit=false).</summary>
    private static async Task<TimeSpan> TimeCheckAsync(SignedIn admin, ResidentFile file)
    {
        using var client = admin.Client();
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync("/api/imports/Residents?commit=false", Form(file));
        response.EnsureSuccessStatusCode();
        return watch.Elapsed;
    }

    private static async Task<string> KillMidUploadAsync(FaultSite site, SignedIn admin, ResidentFile file, HouseholdCounts before)
    {
        using var client = admin.Client();
        var upload = new HalfwayUpload(file.Csv);
        var import = client.PostAsync("/api/imports/Residents?commit=true", HalfwayUpload.Form(upload, FileName));
        await upload.HalfSent.WaitAsync(TimeSpan.FromSeconds(30));
        await site.KillAsync();
        upload.Release();
        var answered = await AnsweredAsync(import);
        await site.RestartAsync();
        return $"mid-upload → {(await HouseholdCounts.ReadAsync(site)).After(before, file)}{answered}";
    }

    private static async Task<string> KillAtAsync(FaultSite site, SignedIn admin, ResidentFile file, HouseholdCounts before, TimeSpan after, double moment)
    {
        using var client = admin.Client();
        var import = client.PostAsync("/api/imports/Residents?commit=true", Form(file));
        await Task.Delay(after);
        await site.KillAsync();
        var answered = await AnsweredAsync(import);
        await site.RestartAsync();
        return $"{moment:0.0}× → {(await HouseholdCounts.ReadAsync(site)).After(before, file)}{answered}";
    }

    /// <summary>Whether the import answered before the kill, which makes that round prove less.</summary>
    private static async Task<string> AnsweredAsync(Task<HttpResponseMessage> import)
    {
        try
        {
            using var response = await import.WaitAsync(TimeSpan.FromSeconds(60));
            return $" (answered {(int)response.StatusCode} before the kill)";
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return "";
        }
    }

    private static async Task<Report> ImportAsync(SignedIn admin, ResidentFile file)
    {
        using var client = admin.Client();
        using var response = await client.PostAsync("/api/imports/Residents?commit=true", Form(file));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("committed").GetBoolean());
        return new Report(body.GetProperty("inserted").GetInt32(), body.GetProperty("unchanged").GetInt32());
    }

    private static MultipartFormDataContent Form(ResidentFile file) => HalfwayUpload.Form(new ByteArrayContent(file.Csv), FileName);

    private static async Task<AuditVerification> VerifyAuditAsync(FaultSite site)
    {
        await using var harness = site.Harness();
        await using var scope = harness.Scope(new SystemJurisdiction("tests"));
        return await scope.Get<AuditQueriesHandler>().HandleAsync(new VerifyAuditChain(), CancellationToken.None);
    }
}
