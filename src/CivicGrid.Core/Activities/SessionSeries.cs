namespace CivicGrid.Core.Activities;

/// <summary>A recurring series: the first session's start, then every <see cref="IntervalDays"/> days, <see cref="Count"/> times.</summary>
public sealed record SessionSeries(DateTime FirstStart, int Minutes, int Count, int IntervalDays = 7)
{
    public const int MaxCount = 52;
    public const int MaxMinutes = 12 * 60;

    /// <summary>The field and Chinese reason of the first thing wrong, or null.</summary>
    public (string Field, string Reason)? Refusal() => this switch
    {
        { Count: < 1 or > MaxCount } => ("count", $"场次须在1到{MaxCount}之间"),
        { Minutes: < 15 or > MaxMinutes } => ("minutes", $"每场时长须在15到{MaxMinutes}分钟之间"),
        { IntervalDays: < 1 or > 31 } => ("intervalDays", "间隔天数须在1到31之间"),
        _ => null,
    };

    /// <summary>The starts of the sessions, in order.</summary>
    public IReadOnlyList<DateTime> Starts() =>
        Enumerable.Range(0, Count).Select(i => FirstStart.AddDays((double)i * IntervalDays)).ToList();
}
