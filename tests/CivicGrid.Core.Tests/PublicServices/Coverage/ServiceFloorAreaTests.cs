using CivicGrid.Core.PublicServices.Coverage;

namespace CivicGrid.Core.Tests.PublicServices.Coverage;

public class ServiceFloorAreaTests
{
    private static readonly CoverageFacility[] Facilities = [new(0, 30.3, 120.1, 300), new(0, 30.3, 120.1, 450), new(1, 30.3, 120.1, 1_000)];

    [Fact]
    public void FloorAreaIsSpreadOverEveryHundredHouseholds()
    {
        Assert.Equal(35.0, ServiceFloorArea.PerHundredHouseholds(Facilities, 5_000));
        Assert.Equal(15.0, ServiceFloorArea.PerHundredHouseholds(Facilities, 5_000, type: 0));
        Assert.Equal(0.0, ServiceFloorArea.PerHundredHouseholds(Facilities, 5_000, type: 2));
    }

    [Fact]
    public void AnAreaWithoutHouseholdsHasNoFigure() => Assert.Null(ServiceFloorArea.PerHundredHouseholds(Facilities, 0));
}
