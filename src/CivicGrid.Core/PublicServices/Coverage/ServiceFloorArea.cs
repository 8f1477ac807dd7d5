namespace CivicGrid.Core.PublicServices.Coverage;

/// <summary>Service floor area per hundred households (每百户服务用房面积), the rule's measure of how much room an area has.</summary>
public static class ServiceFloorArea
{
    /// <summary>
    /// The floor area of the facilities in an area, of one type or of all, divided by its households, times 100;
    /// null when the area has no households.
    /// </summary>
    public static double? PerHundredHouseholds(IEnumerable<CoverageFacility> facilitiesInArea, int households, int? type = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(households);
        var area = facilitiesInArea.Where(f => type is null || f.TypeIndex == type).Sum(f => f.FloorArea);
        return households == 0 ? null : area / households * 100;
    }
}
