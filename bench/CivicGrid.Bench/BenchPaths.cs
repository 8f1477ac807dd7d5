namespace CivicGrid.Bench;

/// <summary>Where the bench finds its load generator and writes results, wherever it is started from.</summary>
internal static class BenchPaths
{
    /// <summary>The repository, found upwards from the built program.</summary>
    public static string Root { get; } = FindRoot();

    public static string Bench => Path.Combine(Root, "bench");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CivicGrid.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The bench runs from a build inside the repository (CivicGrid.slnx not found above it).");
    }
}
