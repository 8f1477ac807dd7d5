using CivicGrid.App.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Fault.Tests;

/// <summary>How an import left the database: none of the file, all of it, or anything else.</summary>
internal enum ImportState
{
    None,
    All,
    Partial,
}

/// <summary>The residents of the district in all and per household, read directly from the database.</summary>
internal sealed record HouseholdCounts(int Residents, IReadOnlyDictionary<string, int> Members)
{
    public static async Task<HouseholdCounts> ReadAsync(FaultSite site)
    {
        await using var harness = site.Harness();
        await using var scope = harness.Scope(new SystemJurisdiction("tests"));
        var members = await scope.Db.Households.AsNoTracking().Select(h => new { h.Code, Count = h.Members.Count }).ToDictionaryAsync(h => h.Code, h => h.Count);
        return new HouseholdCounts(await scope.Db.Residents.CountAsync(), members);
    }

    /// <summary>All only when every household gained exactly its rows of the file and the total exactly the file's rows.</summary>
    public ImportState After(HouseholdCounts before, ResidentFile file)
    {
        var gains = file.AddedPerHousehold.Select(h => Members[h.Key] - before.Members[h.Key] == h.Value ? ImportState.All
            : Members[h.Key] == before.Members[h.Key] ? ImportState.None : ImportState.Partial).Distinct().ToList();
        return (gains, Residents - before.Residents) switch
        {
            ([ImportState.None], 0) => ImportState.None,
            ([ImportState.All], var added) when added == file.Rows => ImportState.All,
            _ => ImportState.Partial,
        };
    }
}
