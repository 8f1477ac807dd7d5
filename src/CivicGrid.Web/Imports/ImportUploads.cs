using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Imports;

/// <summary>
/// Holds an uploaded file between preview and commit, under App_Data/uploads, named by a random token.
/// The commit reads the very bytes the user previewed.
/// </summary>
public sealed class ImportUploads(DataDirectory data)
{
    /// <summary>A district's resident file with room to spare; the form reader keeps it on disk, not in memory.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Data rows one upload may hold: a district's residents (1.2 million) with room to spare; imports read them in chunks.</summary>
    public const int MaxRows = 2_000_000;

    private string Folder => Path.Combine(data.Path, "uploads");

    public async Task<string> SaveAsync(IFormFile file, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var token = Guid.NewGuid().ToString("N") + Path.GetExtension(file.FileName).ToLowerInvariant();
        await using var output = File.Create(Path.Combine(Folder, token));
        await file.CopyToAsync(output, ct);
        return token;
    }

    /// <summary>Opens a saved upload; null when the token is not one this store made.</summary>
    public Stream? Open(string token) =>
        IsToken(token) && File.Exists(Path.Combine(Folder, token)) ? File.OpenRead(Path.Combine(Folder, token)) : null;

    public void Delete(string token)
    {
        if (IsToken(token))
        {
            File.Delete(Path.Combine(Folder, token));
        }
    }

    private static bool IsToken(string token) =>
        token.Length is 36 or 37 && Guid.TryParseExact(token[..32], "N", out _) && token[32..] is ".csv" or ".xlsx";
}
