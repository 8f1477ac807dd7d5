using CivicGrid.App.Access;
using CivicGrid.Core.Access;
using CivicGrid.Core.Territory;

namespace CivicGrid.App.PublicServices.Facilities;

/// <summary>Who may change a facility: staff who administer, for facilities in grids of their own subtree.</summary>
public static class FacilityAccess
{
    public const string RoleRefused = "当前角色无权维护阵地";
    public const string ScopeRefused = "该阵地不在您的管辖范围内";

    public static bool MayAdminister(this IJurisdiction jurisdiction) => jurisdiction.Role.MayAdminister();

    public static bool MayEdit(this IJurisdiction jurisdiction, string gridCode) =>
        jurisdiction.MayAdminister() && TerritoryCode.IsWithin(gridCode, jurisdiction.ScopeCode);
}
