namespace CivicGrid.App.Data.Caching;

/// <summary>
/// A counter for one kind of reference data that every node keeps in memory. A save that changes such data raises it;
/// each node compares it with the counter it loaded at, so a change made on any node reaches every node's cache.
/// </summary>
public sealed class CacheVersion
{
    public required string Name { get; set; }
    public long Version { get; set; }
}

/// <summary>The kinds of cached reference data, and the rows each is built from.</summary>
public static class CachedData
{
    public const string Territory = "territory";
    public const string CaseReference = "case-reference";

    public static readonly IReadOnlyList<string> All = [Territory, CaseReference];

    internal static readonly IReadOnlyDictionary<Type, string> Sources = new Dictionary<Type, string>
    {
        [typeof(Core.Territory.TerritoryNode)] = Territory,
        [typeof(Core.Cases.DeliberationItem)] = CaseReference,
        [typeof(Core.Cases.Department)] = CaseReference,
        [typeof(Core.Cases.PublicHoliday)] = CaseReference,
    };
}
