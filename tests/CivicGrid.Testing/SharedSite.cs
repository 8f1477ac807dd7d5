using System.Collections.Concurrent;

namespace CivicGrid.Testing;

/// <summary>
/// One seeded site per database for tests that only read, so a matrix of many cases costs one start-up.
/// Tests that change data make their own factory.
/// </summary>
public static class SharedSite
{
    private static readonly ConcurrentDictionary<DatabaseKind, Lazy<Task<CivicGridFactory>>> Sites = new();

    public static Task<CivicGridFactory> ForAsync(DatabaseKind kind) =>
        Sites.GetOrAdd(kind, k => new Lazy<Task<CivicGridFactory>>(async () =>
            CivicGridFactory.On(await TestDatabase.CreateSeededAsync(k)))).Value;
}
