using CivicGrid.Core.Territory;

namespace CivicGrid.App.Data.Scopes;

/// <summary>
/// The jurisdiction condition of raw SQL (原生 SQL 的辖区条件). Raw SQL does not pass the DbContext's query filters, so a
/// reader that restricts rows to a subtree takes the condition and its parameter from here: the same prefix match on
/// the grid code that the filters apply, with the code checked before it becomes a pattern.
/// </summary>
public static class JurisdictionSql
{
    public const string Parameter = "@scope";

    /// <summary><c>alias."GridCode" LIKE @scope</c>: the row lies in the subtree given by <see cref="Subtree"/>.</summary>
    public static string GridCodeWithin(string alias) => $"{alias}.\"GridCode\" LIKE {Parameter}";

    /// <summary>The parameter of <see cref="GridCodeWithin"/> for the subtree of <paramref name="scopeCode"/> ("" is the whole district).</summary>
    public static (string Name, object Value) Subtree(string scopeCode)
    {
        if (scopeCode.Length > 0 && !TerritoryCode.IsValid(scopeCode))
        {
            throw new ArgumentException($"'{scopeCode}' is not a territory code.", nameof(scopeCode));
        }
        return (Parameter, scopeCode + "%");
    }
}
