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
    // The fields every pair reads, unpacked from the records so the inner loop walks arrays.
    private readonly int[] _building;
    private readonly int[] _community;
    private readonly int[] _minEmployees;
    private readonly int[] _maxEmployees;
    private readonly bool[] _located;
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
        _building = offers.Select(o => o.BuildingId ?? -1).ToArray();
        _community = offers.Select(o => o.BusinessCommunityId ?? -1).ToArray();
        _minEmployees = offers.Select(o => o.MinEmployees ?? int.MinValue).ToArray();
        _maxEmployees = offers.Select(o => o.MaxEmployees ?? int.MaxValue).ToArray();
        _located = offers.Select(o => o.Location is not null).ToArray();
    }

    public IReadOnlyList<MatchOffer> Offers { get; }
    public MatchWeights Weights { get; }

    public int[] Serving(string categoryCode) => _byCategory.GetValueOrDefault(categoryCode, NoOffers);

    public PlacedNeed Place(MatchNeed need) => new(
        need, need.Location is { } p ? _projection.X(p.Longitude) : double.NaN, need.Location is { } q ? _projection.Y(q.Latitude) : double.NaN,
        _industryIds.GetValueOrDefault(need.Industry, -1), Math.Max(1, need.Places), need.Amount is { IsPositive: true } a ? a.Fen : 0,
        need.BuildingId ?? -2, need.BusinessCommunityId ?? -2);

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
        if (need.Need.Employees < _minEmployees[offer] || need.Need.Employees > _maxEmployees[offer])
        {
            return false;
        }
        var industries = _industries[offer];
        return industries.Length == 0 || Array.IndexOf(industries, need.IndustryId) >= 0;
    }

    public int Score(int offer, in PlacedNeed need, out double distance) =>
        Weights.Category + PlacePoints(offer, need, out distance) + RoomPoints(offer, need)
        + (IsSizeAimed(offer) ? Weights.Size : 0) + (_industries[offer].Length > 0 ? Weights.Industry : 0);

    /// <summary>Same building, else same business community, else an offer with no place at all (open to the district), else distance.</summary>
    public MatchFactor PlaceFactor(int offer, in PlacedNeed need) =>
        _building[offer] == need.BuildingId ? MatchFactor.SameBuilding
        : _community[offer] == need.CommunityId ? MatchFactor.SameBusinessCommunity
        : IsDistrictWide(offer) ? MatchFactor.DistrictWide
        : MatchFactor.Distance;

    public int PlacePoints(int offer, in PlacedNeed need, out double distance)
    {
        var factor = PlaceFactor(offer, need);
        distance = factor switch
        {
            MatchFactor.SameBuilding => 0,
            MatchFactor.DistrictWide => double.PositiveInfinity,
            _ => Distance(offer, need),
        };
        return factor switch
        {
            MatchFactor.SameBuilding => Weights.SameBuilding,
            MatchFactor.SameBusinessCommunity => Weights.SameBusinessCommunity,
            MatchFactor.DistrictWide => Weights.DistrictWide,
            _ when double.IsFinite(distance) => (int)Math.Round(Weights.Nearby * Math.Max(0, 1 - distance / Weights.NearbyMetres)),
            _ => 0,
        };
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
    public bool IsDistrictWide(int offer) => !_located[offer] && _building[offer] < 0 && _community[offer] < 0;
    public bool IsSizeAimed(int offer) => _minEmployees[offer] != int.MinValue || _maxEmployees[offer] != int.MaxValue;
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
        if (!_located[offer] || double.IsNaN(need.X))
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

/// <summary>
/// A need placed on the table's flat metres, with its industry as the table numbers it, what it would take, and its
/// building and community as numbers no offer's "none" (-1) can equal.
/// </summary>
internal readonly record struct PlacedNeed(MatchNeed Need, double X, double Y, int IndustryId, int Places, long AmountFen, int BuildingId, int CommunityId);
