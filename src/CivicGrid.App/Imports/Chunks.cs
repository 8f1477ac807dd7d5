using CivicGrid.App.Data;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Imports;

internal static class Chunks
{
    /// <summary>Above this many keys one scan of the table beats thousands of IN-list round trips.</summary>
    private const int ScanThreshold = 20_000;

    /// <summary>
    /// Runs a lookup over keys in chunks small enough for an IN list on every engine; for large files,
    /// when <paramref name="scan"/> is given, reads the table once instead and keeps the wanted keys.
    /// </summary>
    public static async Task<Dictionary<string, T>> LookupAsync<T>(
        IEnumerable<string> keys, Func<List<string>, Task<List<T>>> query, Func<T, string> keyOf, Func<IAsyncEnumerable<T>>? scan = null)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        if (scan is not null && wanted.Count > ScanThreshold)
        {
            await foreach (var item in scan())
            {
                if (wanted.Contains(keyOf(item)))
                {
                    result[keyOf(item)] = item;
                }
            }
            return result;
        }
        foreach (var chunk in wanted.Chunk(900))
        {
            foreach (var item in await query([.. chunk]))
            {
                result[keyOf(item)] = item;
            }
        }
        return result;
    }

    /// <summary>Which of the codes are grids the caller may see.</summary>
    public static Task<Dictionary<string, string>> GridsAsync(CivicGridDbContext db, IEnumerable<string> codes, CancellationToken ct) =>
        LookupAsync(codes, chunk => db.TerritoryNodes.Where(n => chunk.Contains(n.Code) && n.Level == TerritoryLevel.Grid).Select(n => n.Code).ToListAsync(ct), c => c);

    /// <summary>Reports the first row of each repeated key as the original and every later one as an error.</summary>
    public static void RejectDuplicates<T>(IReadOnlyList<(int Row, T Value)> rows, Func<T, string> keyOf, string column, string what, List<ImportError> errors)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, value) in rows)
        {
            if (!first.TryAdd(keyOf(value), row))
            {
                errors.Add(new ImportError(row, column, $"{what}与第{first[keyOf(value)]}行重复"));
            }
        }
    }
}
