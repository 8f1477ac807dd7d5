namespace CivicGrid.App.PublicServices.Targets;

/// <summary>
/// One row of a service's target list (服务对象清单): eligible now, and where the people the service reached stand.
/// Missed (应享未享) = eligible and never reached, or reached once and ended.
/// </summary>
public sealed record TargetCounts(string Code, string Name, int Eligible, int Offered, int Waiting, int Enrolled, int Declined, int Missed)
{
    /// <summary>Enrolled as a share of eligible, in per cent; null without eligible residents.</summary>
    public double? Coverage => Eligible == 0 ? null : Math.Round(100.0 * Enrolled / Eligible, 1);
}

public sealed record ServiceTargets(int ServiceId, string ServiceName, string NodeCode, string NodeName, TargetCounts Total, IReadOnlyList<TargetCounts> Rows);
