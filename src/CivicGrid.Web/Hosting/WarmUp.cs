using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicGrid.App.Access;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.Coverage;
using CivicGrid.App.PublicServices.Targets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Hosting;

/// <summary>
/// Before a node says it is ready, it does once what its first visitors would otherwise wait for: the case reference
/// data, the district's indicators and the open cases on its map behind the dashboard (the newest open cases of five
/// million took 0.7-0.9 s cold, 30-60 ms after), the coverage snapshot (a second or more at district scale) and its
/// report, the services' district target lists and the rendering of a page. <see cref="Readiness"/> answers "warming"
/// meanwhile, so a balancer sends requests to the warm nodes. A failure is logged and the node becomes ready anyway: a
/// cold page is slow, not wrong.
/// </summary>
public sealed partial class WarmUp(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IServer server, ILogger<WarmUp> log) : BackgroundService
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Done => _done.Task.IsCompleted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WhenStartedAsync(stoppingToken);
            var watch = Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new SystemJurisdiction("warm-up"));
            await scope.ServiceProvider.GetRequiredService<CaseIndicatorsHandler>().HandleAsync(new CaseIndicators(), stoppingToken);
            await scope.ServiceProvider.GetRequiredService<OpenCasePointsHandler>().HandleAsync(new OpenCasePoints(), stoppingToken);
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            await scope.ServiceProvider.GetRequiredService<CoverageCache>().GetAsync(db, stoppingToken);
            await WarmCoverageReportAsync(scope.ServiceProvider, stoppingToken);
            await WarmTargetListsAsync(scope.ServiceProvider, db, stoppingToken);
            await RenderSignInPageAsync(stoppingToken);
            log.LogInformation("Warmed up in {Milliseconds:N0} ms", watch.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Warming up failed; the node serves cold");
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    /// <summary>
    /// Each published service's target list for the whole district, as the services page shows them first: the rule's
    /// statement, its query shapes and the rule-facts index are then warm for the first official who opens one.
    /// </summary>
    private static async Task WarmTargetListsAsync(IServiceProvider services, CivicGridDbContext db, CancellationToken ct)
    {
        var published = await db.ServiceItems.AsNoTracking().Where(s => s.PublishedRuleVersion != null).OrderBy(s => s.Code).Select(s => s.Id).ToListAsync(ct);
        var targets = services.GetRequiredService<GetServiceTargetsHandler>();
        foreach (var id in published)
        {
            await targets.HandleAsync(new GetServiceTargets(id), ct);
        }
    }

    /// <summary>
    /// The district's coverage of every type, written as the API writes it: the first report (3 MB of JSON at district
    /// scale) otherwise also paid for building the serializer's view of its types, 370 ms against 180 after.
    /// </summary>
    private static async Task WarmCoverageReportAsync(IServiceProvider services, CancellationToken ct)
    {
        var report = await services.GetRequiredService<GetCoverageHandler>().HandleAsync(new GetCoverage(), ct);
        await JsonSerializer.SerializeAsync(Stream.Null, report.Value, services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions, ct);
    }

    /// <summary>
    /// The sign-in page, asked of the node's own address: the first page a process renders pays for the page pipeline
    /// (components, layout, texts), which made the first official's dashboard take twice as long as the next. Skipped
    /// when the server has no address (tests host it in memory) and only logged when it fails: a cold page is slow, not wrong.
    /// </summary>
    private async Task RenderSignInPageAsync(CancellationToken ct)
    {
        if (OwnAddress() is not { } address)
        {
            return;
        }
        try
        {
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            using var response = await client.GetAsync(new Uri("account/login", UriKind.Relative), ct);
        }
        catch (HttpRequestException e)
        {
            log.LogInformation("Did not render the sign-in page at {Address} to warm up: {Reason}", address, e.Message);
        }
    }

    /// <summary>The first address the server listens on, with a wildcard host read as this machine.</summary>
    private Uri? OwnAddress()
    {
        var first = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (first is null || !Uri.TryCreate(WildcardHost().Replace(first, "://localhost:"), UriKind.Absolute, out var address))
        {
            return null;
        }
        return address;
    }

    [GeneratedRegex(@"://(\+|\*|0\.0\.0\.0|\[::\]):")]
    private static partial Regex WildcardHost();

    private Task WhenStartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(ct);
    }
}
