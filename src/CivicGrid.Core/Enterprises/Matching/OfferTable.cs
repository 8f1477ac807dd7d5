using CivicGrid.Core.Geography;

namespace CivicGrid.Core.Enterprises.Matching;

/// <summary>
/// The offers laid out for matching many needs: indexed by category, placed in flat metres, what is left as plain
/// numbers that a batch draws down. Scoring reads only this table, so a suggestion and its reasons cannot disagree.
/// </summary>
internal sealed class OfferTable
{
    private const long Unlimited = long.MaxValue;
    private const long NotCredit = -1;
    private static readonly int[] NoOffers = [];

    private readonly Dictionary<string, int[]> _byCategory;
    private readonly Dictionary<string, int> _industryIds = new(StringComparer.Ordinal);
    private readonly int[][] _industries;
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly long[] _placesLeft;
    private readonly long[] _creditLeft;
    private readonly LocalProjection _projection;

    public OfferTable(IReadOnlyList<MatchOffer> offers, MatchWeights weights, GeoPoint reference)
    {
        Offers = offers;
        Weights = weights;
        _projection = new LocalProjection(reference.Latitude, reference.Longitude);
        _byCategory = offers.SelectMany((o, i) => o.CategoryCodes.Distinct().Select(c => (Category: c, Index: i)))
            .GroupBy(p => p.Category, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => offers[p.Index].OfferId).Select(p => p.Index).ToArray(), StringComparer.Ordinal);
        _industries = offers.Select(o => o.Industries.Select(IndustryId).ToArray()).ToArray();
        _x = offers.Select(o => o.Location is { } p ? _projection.X(p.Longitude) : 0).ToArray();
        _y = offers.Select(o => o.Location is { } p ? _projection.Y(p.Latitude) : 0).ToArray();
        _placesLeft = offers.Select(o => o.PlacesLeft is { } left ? Math.Max(0L, left) : Unlimited).ToArray();
        _creditLeft = offers.Select(o => o.CreditLeft is { } left ? Math.Max(0L, left.Fen) : NotCredit).ToArray();
    }

    public IReadOnlyList<MatchOffer> Offers { get; }
    public MatchWeights Weights { get; }

    public int[] Serving(string categoryCode) => _byCategory.GetValueOrDefault(categoryCode, NoOffers);

    public PlacedNeed Place(MatchNeed need) => new(
        need, need.Location is { } p ? _projection.X(p.Longitude) : double.NaN, need.Location is { } q ? _projection.Y(q.Latitude) : double.NaN,
        _industryIds.GetValueOrDefault(need.Industry, -1), Math.Max(1, need.Places), need.Amount is { IsPositive: true } a ? a.Fen : 0);

    /// <summary>Whether the offer may take the need now: room, credit, size and industry. Category is the index's job.</summary>
    public bool Fits(int offer, in PlacedNeed need)
    {
        if (_placesLeft[offer] < need.Places)
        {
            return false;
        }
        var credit = _creditLeft[offer];
        if (credit != NotCredit && (need.AmountFen == 0 || need.AmountFen > credit))
        {
            return false;
        }
        var o = Offers[offer];
        if (need.Need.Employees < o.MinEmployees || need.Need.Employees > o.MaxEmployees)
        {
            return false;
        }
        var industries = _industries[offer];
        return industries.Length == 0 || Array.IndexOf(industries, need.IndustryId) >= 0;
    }

    public int Score(int offer, in PlacedNeed need, out double distance) =>
        Weights.Category + PlacePoints(offer, need, out distance) + RoomPoints(offer, need)
        + (IsSizeAimed(offer) ? Weights.Size : 0) + (_industries[offer].Length > 0 ? Weights.Industry : 0);

    /// <summary>Same building, else same business community, else by distance; an offer with no place at all is open to the district.</summary>
    public int PlacePoints(int offer, in PlacedNeed need, out double distance)
    {
        distance = double.PositiveInfinity;
        var o = Offers[offer];
        if (o.BuildingId is { } b && b == need.Need.BuildingId)
        {
            distance = 0;
            return Weights.SameBuilding;
        }
        if (o.BusinessCommunityId is { } c && c == need.Need.BusinessCommunityId)
        {
            distance = Distance(offer, need);
            return Weights.SameBusinessCommunity;
        }
        if (IsDistrictWide(offer))
        {
            return Weights.DistrictWide;
        }
        distance = Distance(offer, need);
        return double.IsFinite(distance) ? (int)Math.Round(Weights.Nearby * Math.Max(0, 1 - distance / Weights.NearbyMetres)) : 0;
    }

    /// <summary>Full points while the offer could take <see cref="MatchWeights.RoomComfort"/> more needs like this after it, down to none for the last place.</summary>
    public int RoomPoints(int offer, in PlacedNeed need)
    {
        var ratio = 1.0;
        if (_placesLeft[offer] != Unlimited)
        {
            ratio = Math.Min(ratio, (_placesLeft[offer] - need.Places) / ((double)need.Places * Weights.RoomComfort));
        }
        if (_creditLeft[offer] != NotCredit)
        {
            ratio = Math.Min(ratio, (_creditLeft[offer] - need.AmountFen) / ((double)need.AmountFen * Weights.RoomComfort));
        }
        return (int)Math.Round(Weights.Room * Math.Clamp(ratio, 0, 1));
    }

    public long PlacesLeft(int offer) => _placesLeft[offer];
    public long CreditLeft(int offer) => _creditLeft[offer];
    public bool IsLimited(int offer) => _placesLeft[offer] != Unlimited;
    public bool IsCreditLine(int offer) => _creditLeft[offer] != NotCredit;
    public bool IsDistrictWide(int offer) => Offers[offer] is { Location: null, BuildingId: null, BusinessCommunityId: null };
    public bool IsSizeAimed(int offer) => Offers[offer] is { MinEmployees: not null } or { MaxEmployees: not null };
    public bool IsIndustryAimed(int offer) => _industries[offer].Length > 0;

    /// <summary>What the need takes from the offer; within a batch it is no longer there for the next need.</summary>
    public void Take(int offer, in PlacedNeed need)
    {
        if (IsLimited(offer))
        {
            _placesLeft[offer] -= need.Places;
        }
        if (IsCreditLine(offer))
        {
            _creditLeft[offer] -= need.AmountFen;
        }
    }

    private double Distance(int offer, in PlacedNeed need)
    {
        if (Offers[offer].Location is null || double.IsNaN(need.X))
        {
            return double.PositiveInfinity;
        }
        var dx = _x[offer] - need.X;
        var dy = _y[offer] - need.Y;
        return Math.Sqrt(dx * dx + dy * dy);
    }

    private int IndustryId(string industry)
    {
        if (!_industryIds.TryGetValue(industry, out var id))
        {
            id = _industryIds[industry] = _industryIds.Count;
        }
        return id;
    }
}

/// <summary>A need placed on the table's flat metres, with its industry as the table numbers it and what it would take.</summary>
internal readonly record struct PlacedNeed(MatchNeed Need, double X, double Y, int IndustryId, int Places, long AmountFen);
