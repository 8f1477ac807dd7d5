using CivicGrid.Core.PublicServices.Coverage;

namespace CivicGrid.App.PublicServices.Allocation;

/// <summary>How far an applicant may be sent and how many facilities each one is offered.</summary>
public sealed record AllocationOptions
{
    public static AllocationOptions Default { get; } = new();

    /// <summary>How many of the nearest facilities with free places an applicant is linked to.</summary>
    public int NearestFacilities { get; init; } = 16;

    /// <summary>The longest walk an applicant is offered; 2,400 m is half an hour at the default pace.</summary>
    public double MaxWalkingMetres { get; init; } = 2_400;

    public WalkingModel Walking { get; init; } = WalkingModel.Default;
}
