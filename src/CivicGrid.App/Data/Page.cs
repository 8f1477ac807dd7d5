namespace CivicGrid.App.Data;

/// <summary>One page of a list; pages count from 1.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public static int Clamp(int pageSize) => Math.Clamp(pageSize, 1, 200);
}
