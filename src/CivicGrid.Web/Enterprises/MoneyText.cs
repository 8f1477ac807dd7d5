using System.Globalization;
using CivicGrid.Core.Enterprises;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Enterprises;

/// <summary>Amounts as staff and enterprises speak of them: in 万元.</summary>
public static class MoneyText
{
    public static string Wan(IStringLocalizer localizer, Money money) =>
        localizer["{0} 万元", money.InTenThousandYuan.ToString("#,0.####", CultureInfo.CurrentCulture)].Value;
}
