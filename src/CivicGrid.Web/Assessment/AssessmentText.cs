using System.Globalization;
using CivicGrid.Core.Assessment;

namespace CivicGrid.Web.Assessment;

/// <summary>The assessment's names on the pages: levels, periods, colours, lists and stars, Chinese first.</summary>
public static class AssessmentText
{
    public static string LevelName(AssessedLevel level) => level switch
    {
        AssessedLevel.Community => "社区",
        AssessedLevel.Village => "村",
        _ => "街道",
    };

    public static string PeriodName(ReviewPeriodKind kind, DateOnly start) =>
        kind == ReviewPeriodKind.Monthly ? start.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{start.Year} Q{(start.Month - 1) / 3 + 1}");

    public static string KindName(ReviewPeriodKind kind) => kind == ReviewPeriodKind.Monthly ? "月度" : "季度";

    public static string StatusName(ReviewStatus status) => status == ReviewStatus.Published ? "已发布" : "草稿";

    public static string ColourName(RatingColour colour) => SchemeCheck.ColourName(colour);

    public static string ColourCss(RatingColour colour) => colour switch
    {
        RatingColour.Red => "text-bg-danger",
        RatingColour.Yellow => "text-bg-warning",
        _ => "text-bg-success",
    };

    public static string ListName(ListPlace list) => list switch
    {
        ListPlace.Honour => "红榜",
        ListPlace.Warning => "黄榜",
        ListPlace.Black => "黑榜",
        _ => "",
    };

    public static string ObjectionStatusName(ObjectionStatus status) => status switch
    {
        ObjectionStatus.Open => "待答复",
        ObjectionStatus.Upheld => "异议成立",
        _ => "异议不成立",
    };

    public static string Stars(int stars) => new string('★', stars) + new string('☆', 5 - stars);

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Figure(IndicatorDefinition? indicator, Figure figure) =>
        figure.Value is not { } value ? "—"
        : indicator?.Kind == IndicatorKind.Count ? Number(value)
        : string.Create(CultureInfo.InvariantCulture, $"{value * 100:0.0}%（{figure.Numerator}/{figure.Denominator}）");
}
