namespace CivicGrid.Core.People;

/// <summary>Why a resident is no longer counted in the district.</summary>
public enum Departure
{
    /// <summary>迁出.</summary>
    MovedOut = 1,
    /// <summary>死亡.</summary>
    Died = 2,
}
