namespace CivicGrid.Core.Demo;

/// <summary>How large a demo district to generate.</summary>
public sealed record DemoScale(
    string Name, int Streets, int CommunitiesPerStreet, int GridsPerCommunity, int HouseholdsPerGrid,
    int OfficeBuildings, int Enterprises, int BusinessCommunities, int HistoricCases)
{
    /// <summary>How many enterprises' needs the business communities' lists hold (with their offers and employees' wishes); none: no lists.</summary>
    public int EnterpriseNeeds { get; init; }

    /// <summary>How many major projects the portfolio holds, with the twelve service groups and this many cadres; none: no portfolio.</summary>
    public int MajorProjects { get; init; }
    public int ProjectCadres { get; init; }

    /// <summary>How many residents volunteer; with them a term of activities and trainings in every community with a facility; none: none.</summary>
    public int Volunteers { get; init; }

    /// <summary>Two streets and about 20,000 residents: ready in seconds, the default at first run.</summary>
    public static readonly DemoScale Small = new("small", 2, 8, 5, 105, 69, 3_300, 3, 6_000) { EnterpriseNeeds = 600, MajorProjects = 60, ProjectCadres = 36, Volunteers = 180 };

    /// <summary>All 18 streets, ~300 communities, ~1,500 grids, ~500,000 households, ~1,200,000 residents.</summary>
    public static readonly DemoScale District = new("district", 18, 17, 5, 330, 621, 30_000, 30, 100_000) { EnterpriseNeeds = 6_000, MajorProjects = 300, ProjectCadres = 143, Volunteers = 2_600 };

    /// <summary>A few hundred residents and no cases nor enterprise lists, for tests (which add what they need).</summary>
    public static readonly DemoScale Tiny = new("tiny", 2, 2, 2, 12, 4, 40, 1, 0);

    public static DemoScale Parse(string name) => name.ToLowerInvariant() switch
    {
        "small" => Small,
        "district" => District,
        "tiny" => Tiny,
        _ => throw new ArgumentException($"Unknown demo scale '{name}': use tiny, small or district.", nameof(name)),
    };
}
