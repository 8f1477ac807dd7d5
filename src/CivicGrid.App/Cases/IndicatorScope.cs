using System.Globalization;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.Core.Territory;

namespace CivicGrid.App.Cases;

/// <summary>
/// Which subtree and months an indicator query covers. A scope outside the caller's own subtree is refused, not
/// clamped, so a figure on screen is never silently about a smaller place than the one asked for.
/// </summary>
public sealed record IndicatorScope(string Code, string From, string To)
{
    /// <summary>The longest range one query may cover: ten years of months.</summary>
    public const int MaxMonths = 120;

    public IReadOnlyList<string> Months()
    {
        var first = Parse(From)!.Value;
        var count = MonthsBetween(first, Parse(To)!.Value) + 1;
        return [.. Enumerable.Range(0, count).Select(i => Format(first.AddMonths(i)))];
    }

    public static Outcome<IndicatorScope> Resolve(IJurisdiction who, string? scope, string? from, string? to, TimeProvider clock)
    {
        var own = who.CaseScopeCode;
        if (own == "~")
        {
            return Outcome<IndicatorScope>.Forbidden("您的账号不能查看辖区指标");
        }
        var code = string.IsNullOrWhiteSpace(scope) ? own : scope.Trim();
        if (code.Length > 0 && !TerritoryCode.IsValid(code))
        {
            return Outcome<IndicatorScope>.Invalid("scope", "区域编码应为 6、9、12 或 15 位数字");
        }
        if (!TerritoryCode.IsWithin(code, own))
        {
            return Outcome<IndicatorScope>.Forbidden("该区域不在您的管辖范围内");
        }
        return Range(code, from, to, clock);
    }

    private static Outcome<IndicatorScope> Range(string code, string? from, string? to, TimeProvider clock)
    {
        var last = string.IsNullOrWhiteSpace(to) ? Parse(CaseStats.MonthOf(clock.GetUtcNow().UtcDateTime)) : Parse(to);
        if (last is null)
        {
            return Outcome<IndicatorScope>.Invalid("to", "月份格式应为 yyyy-MM");
        }
        var first = string.IsNullOrWhiteSpace(from) ? last.Value.AddMonths(-11) : Parse(from);
        if (first is null)
        {
            return Outcome<IndicatorScope>.Invalid("from", "月份格式应为 yyyy-MM");
        }
        var span = MonthsBetween(first.Value, last.Value);
        if (span < 0)
        {
            return Outcome<IndicatorScope>.Invalid("from", "起始月份不能晚于截止月份");
        }
        return span >= MaxMonths
            ? Outcome<IndicatorScope>.Invalid("from", $"一次最多查询 {MaxMonths} 个月")
            : Outcome<IndicatorScope>.Ok(new IndicatorScope(code, Format(first.Value), Format(last.Value)));
    }

    private static DateOnly? Parse(string? month) =>
        DateOnly.TryParseExact(month?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static int MonthsBetween(DateOnly first, DateOnly last) => (last.Year - first.Year) * 12 + last.Month - first.Month;
}
