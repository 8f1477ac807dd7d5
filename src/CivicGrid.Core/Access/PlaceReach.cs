namespace CivicGrid.Core.Access;

/// <summary>
/// How far an account's places reach (所辖楼宇与企业): territorial staff see the buildings and enterprises of their subtree;
/// business-community staff and runners only those of their own business community (商务社区), though their account is
/// placed at its street.
/// </summary>
public static class PlaceReach
{
    /// <summary>Whether the role sees only its own business community's buildings, enterprises, runners and contacts.</summary>
    public static bool ConfinedToBusinessCommunity(this StaffRole role) =>
        role is StaffRole.BusinessCommunityStaff or StaffRole.Runner;
}
