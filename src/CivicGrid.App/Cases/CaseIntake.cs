using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicGrid.App.Cases;

/// <summary>
/// Writes new cases with group commit: requests that arrive while a group is being written wait together and go
/// into the database as the next group, in one transaction of two round trips. Each request is answered only after
/// its group has committed, so an acknowledged case is a stored case; the group size follows the load by itself
/// (one case when quiet, up to <see cref="MaxGroup"/> when busy), and as many groups are written at once as the engine
/// can usefully take (<see cref="IDatabaseProvider.ConcurrentWriters"/>). A group that fails is retried case by case, so one
/// bad case never takes the others with it.
/// </summary>
public sealed class CaseIntake : IAsyncDisposable, IDisposable
{
    public const int MaxGroup = 128;

    /// <summary>Group sizes and write times, for operators and the benchmark: how much each commit carries and costs.</summary>
    public static readonly Meter Meter = new("CivicGrid.Cases.Intake");
    private static readonly Histogram<int> GroupSize = Meter.CreateHistogram<int>("civicgrid.intake.group.size", "{case}");
    private static readonly Histogram<double> GroupTime = Meter.CreateHistogram<double>("civicgrid.intake.group.duration", "ms");

    private readonly Channel<NewCase> _queue = Channel.CreateUnbounded<NewCase>(new UnboundedChannelOptions());
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<CaseIntake> _log;
    private readonly Task[] _writers;

    public CaseIntake(IServiceScopeFactory scopes, IDatabaseProvider provider, ILogger<CaseIntake> log)
    {
        _scopes = scopes;
        _log = log;
        _writers = Enumerable.Range(0, provider.ConcurrentWriters).Select(_ => Task.Run(WriteQueuedAsync)).ToArray();
    }

    /// <summary>Queues the case and completes with its id once it is committed.</summary>
    public Task<int> WriteAsync(NewCase intake)
    {
        if (!_queue.Writer.TryWrite(intake))
        {
            throw new InvalidOperationException("Case intake has shut down.");
        }
        return intake.Stored;
    }

    private async Task WriteQueuedAsync()
    {
        var group = new List<NewCase>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var intake))
            {
                group.Add(intake);
            }
            if (group.Count == 0)
            {
                // Another writer took what was waiting.
                continue;
            }
            await WriteGroupAsync(group);
            group.Clear();
        }
    }

    private async Task WriteGroupAsync(IReadOnlyList<NewCase> group)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await WriteInOneTransactionAsync(group);
            GroupSize.Record(group.Count);
            GroupTime.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            foreach (var intake in group)
            {
                intake.Commit();
            }
        }
        catch (Exception e) when (group.Count > 1)
        {
            _log.LogWarning(e, "A group of {Count} new cases failed; writing them one by one", group.Count);
            foreach (var intake in group)
            {
                await WriteGroupAsync([intake]);
            }
        }
        catch (Exception e)
        {
            group[0].Fail(e);
        }
    }

    private async Task WriteInOneTransactionAsync(IReadOnlyList<NewCase> group)
    {
        await using var scope = _scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new SystemJurisdiction("intake"));
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await CaseIntakeGroup.WriteAsync(db, group, CancellationToken.None);
        await transaction.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // Cases already queued are still written: their requests are waiting for the answer.
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    /// <summary>For hosts disposed synchronously, such as the command line.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
