namespace CivicGrid.Core.Projects;

/// <summary>
/// What a blocker (堵点) is at a moment, read from its case's times: open from when it was logged until its case ends
/// (closed, or rejected or merged), overdue while open past the loop's deadline without being resolved. Reports of past
/// days read the same times, so a day's report says what was true at the end of that day. docs/PROJECTS.md states it.
/// </summary>
public sealed record BlockerTimes(DateTime LoggedAt, DateTime? ResolveBy, DateTime? ResolvedAt, DateTime? EndedAt)
{
    public bool IsOpenAt(DateTime at) => LoggedAt <= at && !(EndedAt <= at);

    public bool IsClosedWithin(DateTime from, DateTime to) => EndedAt is { } e && e >= from && e < to;

    public bool IsOverdueAt(DateTime at) => IsOpenAt(at) && ResolveBy < at && !(ResolvedAt <= at);

    /// <summary>Whole days open at <paramref name="at"/>.</summary>
    public int AgeInDays(DateTime at) => Math.Max(0, (int)((EndedAt is { } e && e < at ? e : at) - LoggedAt).TotalDays);
}

/// <summary>The age bands of the blocker list (堵点账龄).</summary>
public static class BlockerAge
{
    public static readonly IReadOnlyList<string> Bands = ["7天以内", "8-30天", "31-90天", "90天以上"];

    public static string Band(int days) => days switch
    {
        <= 7 => Bands[0],
        <= 30 => Bands[1],
        <= 90 => Bands[2],
        _ => Bands[3],
    };
}
