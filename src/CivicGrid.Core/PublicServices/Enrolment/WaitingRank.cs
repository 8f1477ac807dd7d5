namespace CivicGrid.Core.PublicServices.Enrolment;

/// <summary>
/// An applicant's place in the waiting order before distance is looked at: sorts the applicant who goes first
/// first — more <see cref="Points"/>, then the earlier <see cref="AppliedAt"/>. Equal ranks are left to distance.
/// </summary>
public readonly record struct WaitingRank(int Points, DateTimeOffset AppliedAt) : IComparable<WaitingRank>
{
    public int CompareTo(WaitingRank other) =>
        Points != other.Points ? other.Points.CompareTo(Points) : AppliedAt.CompareTo(other.AppliedAt);

    public static bool operator <(WaitingRank left, WaitingRank right) => left.CompareTo(right) < 0;
    public static bool operator >(WaitingRank left, WaitingRank right) => left.CompareTo(right) > 0;
    public static bool operator <=(WaitingRank left, WaitingRank right) => left.CompareTo(right) <= 0;
    public static bool operator >=(WaitingRank left, WaitingRank right) => left.CompareTo(right) >= 0;
}
