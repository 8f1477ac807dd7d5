using System.Diagnostics;

namespace CivicGrid.Testing;

/// <summary>
/// The built command line (src/CivicGrid.Cli's output for this build's configuration) run with <c>dotnet</c> as an
/// operator runs it: settings as the same environment variables the web server reads.
/// </summary>
public static class CliProcess
{
    /// <summary>Runs one command to its end; fails the test with what it printed when it does not exit 0.</summary>
    public static async Task<string> RunAsync(IReadOnlyDictionary<string, string?> settings, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [Assembly(), .. arguments])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        // Wide enough that no printed line is wrapped.
        start.Environment["COLUMNS"] = "400";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var printed = await output + await errors;
        return process.ExitCode == 0
            ? printed
            : throw new InvalidOperationException($"civicgrid {string.Join(' ', arguments)} exited {process.ExitCode}:{Environment.NewLine}{printed}");
    }

    /// <summary>The command line's build output beside the caller's: both are bin/&lt;configuration&gt;/&lt;framework&gt;.</summary>
    private static string Assembly()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var assembly = Path.Combine(WebServerProcess.RepositoryRoot(), "src", "CivicGrid.Cli", "bin", output.Parent!.Name, output.Name, "civicgrid.dll");
        return File.Exists(assembly)
            ? assembly
            : throw new FileNotFoundException($"Build the command line first (dotnet build CivicGrid.slnx -c {output.Parent.Name}).", assembly);
    }
}
