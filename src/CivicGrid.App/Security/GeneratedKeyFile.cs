using System.Text.Json;

namespace CivicGrid.App.Security;

/// <summary>
/// Gives a fresh installation its own keys: when none are configured, a key file is written once next to the
/// embedded database and read as configuration from then on. Production supplies keys through configuration.
/// </summary>
public static class GeneratedKeyFile
{
    public static void EnsureExists(string path)
    {
        if (File.Exists(path))
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var content = new Dictionary<string, object>
        {
            [PersonalDataOptions.Section] = new PersonalDataOptions
            {
                EncryptionKey = PersonalDataProtector.NewKey(),
                HashKey = PersonalDataProtector.NewKey(),
            },
        };
        File.WriteAllText(path, JsonSerializer.Serialize(content, new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
