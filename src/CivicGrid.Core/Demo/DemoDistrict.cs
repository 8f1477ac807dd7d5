using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Geography;
using CivicGrid.Core.People;
using CivicGrid.Core.Territory;

namespace CivicGrid.Core.Demo;

/// <summary>
/// Generates a demo district modelled on Gongshu, Hangzhou. Deterministic: the same scale and seed give the
/// same district, so tests and benchmarks can rely on it. Pure: it only computes, the caller stores.
/// </summary>
public sealed class DemoDistrict
{
    /// <summary>About 70 km² around 30.32 N 120.14 E.</summary>
    private static readonly GeoRect DistrictBox = new(30.2824, 120.0965, 30.3576, 120.1835);

    private readonly DemoScale _scale;
    private readonly int _seed;
    private readonly DateOnly _today;
    private readonly List<(TerritoryNode Node, GeoRect Box)> _grids = [];

    public DemoDistrict(DemoScale scale, DateOnly today, int seed = 20261123)
    {
        _scale = scale;
        _seed = seed;
        _today = today;
        Territory = BuildTerritory();
    }

    public IReadOnlyList<TerritoryNode> Territory { get; }

    public IReadOnlyList<string> GridCodes => _grids.ConvertAll(g => g.Node.Code);

    private List<TerritoryNode> BuildTerritory()
    {
        var nodes = new List<TerritoryNode> { Node(GongshuNames.DistrictCode, GongshuNames.DistrictName, null, DistrictBox) };
        var streetBoxes = DistrictBox.Subdivide(GongshuNames.Streets.Length);
        var random = new Random(_seed);
        var word = 0;
        for (var s = 0; s < _scale.Streets; s++)
        {
            var street = Node(TerritoryCode.Child(GongshuNames.DistrictCode, s + 1), GongshuNames.Streets[s], GongshuNames.DistrictCode, streetBoxes[s]);
            nodes.Add(street);
            var communities = _scale == DemoScale.District ? _scale.CommunitiesPerStreet - random.Next(0, 2) : _scale.CommunitiesPerStreet;
            var communityBoxes = streetBoxes[s].Subdivide(communities);
            for (var c = 0; c < communities; c++)
            {
                var name = GongshuNames.CommunityWords[word % GongshuNames.CommunityWords.Length]
                    + (word >= GongshuNames.CommunityWords.Length ? "新村" : "") + "社区";
                word++;
                var community = Node(TerritoryCode.Child(street.Code, c + 1), name, street.Code, communityBoxes[c]);
                nodes.Add(community);
                var gridBoxes = communityBoxes[c].Subdivide(_scale.GridsPerCommunity);
                for (var g = 0; g < _scale.GridsPerCommunity; g++)
                {
                    var grid = Node(TerritoryCode.Child(community.Code, g + 1), $"{name}第{g + 1}网格", community.Code, gridBoxes[g]);
                    nodes.Add(grid);
                    _grids.Add((grid, gridBoxes[g]));
                }
            }
        }
        return nodes;
    }

    private static TerritoryNode Node(string code, string name, string? parent, GeoRect box) => new()
    {
        Code = code,
        Name = name,
        Level = TerritoryCode.LevelOf(code),
        ParentCode = parent,
        Boundary = GeoJson.Polygon(box.Ring()),
        CentreLatitude = Math.Round(box.Centre.Latitude, 6),
        CentreLongitude = Math.Round(box.Centre.Longitude, 6),
    };

    /// <summary>The residential population, grid by grid. ID numbers are unique across the whole district.</summary>
    public IEnumerable<DemoGridPopulation> Population()
    {
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _grids.Count; i++)
        {
            var (grid, box) = _grids[i];
            // Not HashCode.Combine: it is randomised per process, and the district must be the same in every run.
            yield return new GridPopulator(new Random(unchecked((_seed * 31) + (i * 7919))), grid, box, _scale.HouseholdsPerGrid, _today, usedIds).Populate();
        }
    }

    /// <summary>Office buildings grouped into business communities (商务社区), and the enterprises in them.</summary>
    public (IReadOnlyList<DemoBuilding> OfficeBuildings, IReadOnlyList<DemoEnterprise> Enterprises) Business()
    {
        var random = new Random(_seed + 7);
        var buildings = new List<DemoBuilding>(_scale.OfficeBuildings);
        var sequenceInGrid = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var b = 0; b < _scale.OfficeBuildings; b++)
        {
            var community = b % _scale.BusinessCommunities;
            var street = community % _scale.Streets;
            var streetGrids = _grids.Count / _scale.Streets;
            var (grid, box) = _grids[street * streetGrids + random.Next(streetGrids)];
            var sequence = sequenceInGrid[grid.Code] = sequenceInGrid.GetValueOrDefault(grid.Code, 500) + 1;
            var communityName = GongshuNames.Streets[street][..^2] + "商务社区" + (community >= _scale.Streets ? $"{community / _scale.Streets + 1}" : "");
            var road = GongshuNames.Roads[random.Next(GongshuNames.Roads.Length)];
            var name = $"{GongshuNames.BrandCharacters[random.Next(30)]}{GongshuNames.BrandCharacters[random.Next(30)]}大厦";
            var at = Jitter(random, box);
            buildings.Add(new DemoBuilding(Building.CodeFor(grid.Code, sequence), name,
                $"{road}{random.Next(1, 600)}号{name}", grid.Code, at.Latitude, at.Longitude,
                random.Next(8, 40), true, communityName));
        }
        var enterprises = new List<DemoEnterprise>(_scale.Enterprises);
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        var usedCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var e = 0; e < _scale.Enterprises; e++)
        {
            var building = buildings[random.Next(buildings.Count)];
            var industry = GongshuNames.Industries[random.Next(GongshuNames.Industries.Length)];
            var name = UniqueEnterpriseName(random, industry, usedNames);
            string code;
            do
            {
                code = CreditCode.Compose('9', '1', GongshuNames.DistrictCode, RandomBody(random));
            }
            while (!usedCodes.Add(code));
            var floor = random.Next(1, building.Floors + 1);
            var office = $"{building.Address}{floor}层";
            var registered = random.NextDouble() < 0.92 ? office : $"{GongshuNames.Roads[random.Next(GongshuNames.Roads.Length)]}{random.Next(1, 900)}号";
            var employees = (int)Math.Round(Math.Exp(random.NextDouble() * 6.2)) + 1;
            enterprises.Add(new DemoEnterprise(name, code, building.Code, floor, industry, employees,
                random.NextDouble() < 0.05 || employees > 300, registered, office));
        }
        return (buildings, enterprises);
    }

    private static string UniqueEnterpriseName(Random random, string industry, HashSet<string> used)
    {
        var suffix = industry switch
        {
            "信息技术" => "科技", "批发零售" => "贸易", "商务服务" => "企业管理", "文化创意" => "文化传媒", "金融" => "投资管理",
            "建筑" => "建筑工程", "餐饮" => "餐饮管理", "物流" => "供应链", "制造" => "实业", _ => "咨询",
        };
        while (true)
        {
            var brand = string.Concat(Enumerable.Range(0, 2).Select(_ => GongshuNames.BrandCharacters[random.Next(30)]));
            var name = $"杭州{brand}{suffix}有限公司";
            if (used.Add(name))
            {
                return name;
            }
            name = $"杭州{brand}{suffix}有限公司第{used.Count}分公司";
            if (used.Add(name))
            {
                return name;
            }
        }
    }

    private static string RandomBody(Random random)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        return string.Concat(Enumerable.Range(0, 8).Select(_ => alphabet[random.Next(alphabet.Length)]));
    }

    internal static GeoPoint Jitter(Random random, GeoRect box)
    {
        var insetLat = (box.North - box.South) * 0.1;
        var insetLon = (box.East - box.West) * 0.1;
        return new GeoPoint(
            Math.Round(box.South + insetLat + random.NextDouble() * (box.North - box.South - 2 * insetLat), 6),
            Math.Round(box.West + insetLon + random.NextDouble() * (box.East - box.West - 2 * insetLon), 6));
    }

}
