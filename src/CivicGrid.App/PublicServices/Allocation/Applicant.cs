using CivicGrid.Core.PublicServices.Enrolment;

namespace CivicGrid.App.PublicServices.Allocation;

/// <summary>An applicant on a waiting list, with the points <see cref="WaitingPriority"/> gives them.</summary>
public sealed record Applicant(int Id, double Lat, double Lon, int PriorityPoints, DateTimeOffset AppliedAt)
{
    public WaitingRank Rank => new(PriorityPoints, AppliedAt);
}
