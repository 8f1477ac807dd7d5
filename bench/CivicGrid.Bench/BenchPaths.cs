using CivicGrid.Testing;

namespace CivicGrid.Bench;

/// <summary>Where the bench finds its load generator and writes results, wherever it is started from.</summary>
internal static class BenchPaths
{
    /// <summary>The repository, found upwards from the built program.</summary>
    public static string Root { get; } = WebServerProcess.RepositoryRoot();

    public static string Bench => Path.Combine(Root, "bench");
}
