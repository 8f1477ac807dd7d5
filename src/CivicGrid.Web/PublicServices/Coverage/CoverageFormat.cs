using System.Globalization;

namespace CivicGrid.Web.PublicServices.Coverage;

internal static class CoverageFormat
{
    public static string Percent(double? share) =>
        share is { } s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
