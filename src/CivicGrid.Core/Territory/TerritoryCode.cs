namespace CivicGrid.Core.Territory;

/// <summary>
/// A node's code in the territorial tree. Codes nest by prefix: a 6-digit division, then 3 digits
/// per street, community and grid, so a grid code has 15 digits and starts with its ancestors' codes.
/// </summary>
public static class TerritoryCode
{
    private static readonly int[] Lengths = [6, 9, 12, 15];

    public static int LengthOf(TerritoryLevel level) => Lengths[(int)level];

    public static bool IsValid(string? code) =>
        code is not null && Array.IndexOf(Lengths, code.Length) >= 0 && code.All(char.IsAsciiDigit);

    public static bool IsGrid(string? code) => IsValid(code) && code!.Length == Lengths[^1];

    public static TerritoryLevel LevelOf(string code)
    {
        if (!IsValid(code))
        {
            throw new ArgumentException($"'{code}' is not a territory code of 6, 9, 12 or 15 digits.", nameof(code));
        }
        return (TerritoryLevel)Array.IndexOf(Lengths, code.Length);
    }

    public static string? ParentOf(string code)
    {
        var level = LevelOf(code);
        return level == TerritoryLevel.District ? null : code[..LengthOf(level - 1)];
    }

    public static string Child(string parentCode, int sequence)
    {
        var level = LevelOf(parentCode);
        if (level == TerritoryLevel.Grid)
        {
            throw new ArgumentException("A grid has no child nodes in the tree.", nameof(parentCode));
        }
        if (sequence is < 1 or > 999)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "A sequence number has 3 digits (1-999).");
        }
        return parentCode + sequence.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The length of the codes one level below <paramref name="scope"/> ("" is above the districts); a grid's own length
    /// for a grid, which has none below.
    /// </summary>
    public static int ChildLength(string scope) =>
        scope.Length == 0 ? Lengths[0] : Math.Min(scope.Length + 3, Lengths[^1]);

    /// <summary>Whether <paramref name="code"/> lies in the subtree rooted at <paramref name="scope"/>.</summary>
    public static bool IsWithin(string code, string scope) => code.StartsWith(scope, StringComparison.Ordinal);
}
