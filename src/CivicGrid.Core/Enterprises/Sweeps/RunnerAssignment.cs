namespace CivicGrid.Core.Enterprises.Sweeps;

/// <summary>An office building given to a runner (助跑员) to sweep, from a day and until a day or for good.</summary>
public sealed class RunnerAssignment
{
    public int Id { get; set; }
    /// <summary>The runner's account.</summary>
    public required string RunnerId { get; set; }
    public int BuildingId { get; set; }
    public DateOnly Since { get; set; }
    public DateOnly? Until { get; set; }

    public bool Covers(string runnerId, int buildingId, DateOnly on) =>
        RunnerId == runnerId && BuildingId == buildingId && Since <= on && (Until is null || on <= Until);
}
