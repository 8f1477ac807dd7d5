namespace CivicGrid.App.Imports;

internal static class Chunks
{
    /// <summary>Runs a lookup over keys in chunks small enough for an IN list on every engine.</summary>
    public static async Task<Dictionary<string, T>> LookupAsync<T>(
        IEnumerable<string> keys, Func<List<string>, Task<List<T>>> query, Func<T, string> keyOf)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(900))
        {
            foreach (var item in await query([.. chunk]))
            {
                result[keyOf(item)] = item;
            }
        }
        return result;
    }

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
