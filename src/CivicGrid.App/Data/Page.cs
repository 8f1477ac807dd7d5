using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Data;

/// <summary>One page of a list; pages count from 1.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    /// <summary>There are more matches than <see cref="Total"/>: the count stopped at <see cref="PageCounting.Limit"/> (<see cref="PageCounting.TextSearchLimit"/> for a search by text).</summary>
    public bool TotalIsLowerBound { get; init; }

    /// <summary>With a count that stopped short, there is always a next page to go on to.</summary>
    public int PageCount => Math.Max(TotalIsLowerBound ? PageNumber + 1 : 1, (Total + PageSize - 1) / PageSize);

    public static int Clamp(int pageSize) => Math.Clamp(pageSize, 1, 200);
}

/// <summary>
/// Counts for lists that grow with the district (cases, residents, the audit log) stop at a limit, so their first page costs the
/// same for one grid and for five million cases; the page then says "more than".
/// </summary>
public static class PageCounting
{
    public const int Limit = 10_000;

    /// <summary>
    /// A search by typed text counts up to this: past a thousand matches the text is to be narrowed, not paged through,
    /// and a road's sixty thousand residents are not counted for every keystroke.
    /// </summary>
    public const int TextSearchLimit = 1_000;

    /// <summary>The number of matches up to <paramref name="limit"/>, and whether there are more.</summary>
    public static async Task<(int Total, bool More)> CountUpToAsync<T>(this IQueryable<T> matches, int limit, CancellationToken ct)
    {
        var counted = await matches.Take(limit + 1).CountAsync(ct);
        return counted > limit ? (limit, true) : (counted, false);
    }
}
