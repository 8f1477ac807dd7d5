using System.Globalization;

namespace CivicGrid.Core.Enterprises.Matching;

/// <summary>Writes out, in Chinese, the points <see cref="OfferTable.Score"/> gave: one reason per factor that counted or informs.</summary>
internal static class MatchExplanation
{
    public static MatchSuggestion Suggest(OfferTable table, int offer, in PlacedNeed need)
    {
        var w = table.Weights;
        var o = table.Offers[offer];
        var reasons = new List<MatchReason>(5) { new(MatchFactor.Category, w.Category, $"提供“{need.Need.CategoryName}”类服务") };
        var place = table.PlacePoints(offer, need, out var distance);
        reasons.Add(Place(table, offer, need, place, distance));
        reasons.Add(new MatchReason(MatchFactor.Room, table.RoomPoints(offer, need), Room(table, offer, need)));
        if (table.IsSizeAimed(offer))
        {
            reasons.Add(new MatchReason(MatchFactor.Size, w.Size, $"面向{Size(o.MinEmployees, o.MaxEmployees)}的企业，本企业 {need.Need.Employees} 人"));
        }
        if (table.IsIndustryAimed(offer))
        {
            reasons.Add(new MatchReason(MatchFactor.Industry, w.Industry, $"面向{string.Join("、", o.Industries)}行业"));
        }
        var amount = table.IsCreditLine(offer) ? new Money(need.AmountFen) : Money.Zero;
        return new MatchSuggestion(need.Need.NeedId, o.OfferId, reasons.Sum(r => r.Points), need.Places, amount,
            double.IsFinite(distance) ? Math.Round(distance) : null, reasons);
    }

    private static MatchReason Place(OfferTable table, int offer, in PlacedNeed need, int points, double distance) => table.PlaceFactor(offer, need) switch
    {
        MatchFactor.SameBuilding => new(MatchFactor.SameBuilding, points, "与企业在同一楼宇"),
        MatchFactor.SameBusinessCommunity => new(MatchFactor.SameBusinessCommunity, points, "在企业所在的商务社区"),
        MatchFactor.DistrictWide => new(MatchFactor.DistrictWide, points, "全区通用，不限地点"),
        _ when double.IsFinite(distance) => new(MatchFactor.Distance, points, $"相距{Metres(distance)}"),
        _ => new(MatchFactor.Distance, points, "位置未知，无法计算距离"),
    };

    private static string Room(OfferTable table, int offer, in PlacedNeed need)
    {
        if (table.IsCreditLine(offer))
        {
            return $"剩余额度 {new Money(table.CreditLeft(offer))}，可满足申请的 {new Money(need.AmountFen)}";
        }
        return table.IsLimited(offer) ? $"剩余名额 {table.PlacesLeft(offer)} 个，本需求需 {need.Places} 个" : "名额不限";
    }

    private static string Size(int? min, int? max) => (min, max) switch
    {
        ({ } a, { } b) => $" {a} 至 {b} 人",
        ({ } a, null) => $" {a} 人及以上",
        (null, { } b) => $" {b} 人及以下",
        _ => "各种规模",
    };

    private static string Metres(double metres) => metres < 1000
        ? string.Create(CultureInfo.InvariantCulture, $" {Math.Round(metres):0} 米")
        : string.Create(CultureInfo.InvariantCulture, $" {metres / 1000:0.0} 公里");
}
