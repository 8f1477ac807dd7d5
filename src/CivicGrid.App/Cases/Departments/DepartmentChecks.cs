using System.Text.RegularExpressions;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;

namespace CivicGrid.App.Cases.Departments;

/// <summary>What every department edit checks: who edits, and what a code and a name may be.</summary>
internal static partial class DepartmentChecks
{
    public const string NotAdmin = "只有区管理员可以管理职能部门";

    public static bool IsDistrictAdmin(CivicGridDbContext db) =>
        db.Jurisdiction.Role.May(Permission.AdministerDistrict) && db.Jurisdiction.ScopeCode.Length <= 6;

    /// <summary>The trimmed name, or why it cannot be one.</summary>
    public static (string Name, string? Problem) Name(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length is 0 or > 50 ? (trimmed, "请填写 1 到 50 字的部门名称") : (trimmed, null);
    }

    /// <summary>The code in capitals, or why it cannot be one: letters and digits, as the seeded "CG" or "ZJ".</summary>
    public static (string Code, string? Problem) Code(string? code)
    {
        var upper = code?.Trim().ToUpperInvariant() ?? "";
        return CodePattern().IsMatch(upper) ? (upper, null) : (upper, "部门代码应为 1 到 10 位字母或数字");
    }

    [GeneratedRegex("^[A-Z0-9]{1,10}$")]
    private static partial Regex CodePattern();
}
