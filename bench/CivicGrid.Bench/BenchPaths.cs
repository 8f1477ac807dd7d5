namespace CivicGrid.Bench;

/// <summary>Where the bench finds its load generator and writes results, wherever it is started from.</summary>
internal static class BenchPaths
{
    /// <summary>The repository's bench folder, found upwards from the built program.</summary>
    public static string Bench { get; } = Path.Combine(Root(), "bench");

    private static string Root()
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
