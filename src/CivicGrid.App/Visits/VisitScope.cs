using CivicGrid.App.Access;
using CivicGrid.Core.Access;
using CivicGrid.Core.Territory;

namespace CivicGrid.App.Visits;

/// <summary>Who works with visit plans, and over which subtree: the caller's own, or a node within it they ask for.</summary>
internal static class VisitScope
{
    public const string Refusal = "当前角色无权查看或登记入户走访";

    public static bool May(IJurisdiction who) => who.Role.May(Permission.ManagePeople);

    /// <summary>The subtree asked for, when it is a territory code within the caller's; the caller's own when none is asked.</summary>
    public static string? Within(IJurisdiction who, string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return who.ScopeCode;
        }
        var trimmed = code.Trim();
        return TerritoryCode.IsValid(trimmed) && trimmed.StartsWith(who.ScopeCode, StringComparison.Ordinal) ? trimmed : null;
    }
}
