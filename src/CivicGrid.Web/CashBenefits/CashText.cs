using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.CashBenefits;

/// <summary>How the cash pages name a paid period in the page's language: "2026-11" as it is, a quarter or a one-off in words.</summary>
internal static partial class CashText
{
    [GeneratedRegex(@"^(\d{4})年第(\d)季度$")]
    private static partial Regex Quarter();

    public static string Period(this IStringLocalizer localizer, string period)
    {
        if (period == "一次性")
        {
            return localizer["一次性"];
        }
        var quarter = Quarter().Match(period);
        return quarter.Success ? localizer["{0}年第{1}季度", quarter.Groups[1].Value, quarter.Groups[2].Value] : period;
    }
}
