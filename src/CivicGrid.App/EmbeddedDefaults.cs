using CivicGrid.App.Security;
using Microsoft.Extensions.Configuration;

namespace CivicGrid.App;

/// <summary>With no configuration, CivicGrid runs on a SQLite file and keys it generates, both in one data directory.</summary>
public static class EmbeddedDefaults
{
    public static void Apply(IConfigurationManager configuration, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        if (string.IsNullOrEmpty(configuration["Database:ConnectionString"]) && string.IsNullOrEmpty(configuration.GetConnectionString("CivicGrid")))
        {
            configuration["Database:ConnectionString"] = $"Data Source={Path.Combine(dataDirectory, "civicgrid.db")}";
        }
        if (string.IsNullOrEmpty(configuration["Sms:GatewayUrl"]) && string.IsNullOrEmpty(configuration["Sms:SinkDirectory"]))
        {
            configuration["Sms:SinkDirectory"] = Path.Combine(dataDirectory, "sms");
        }
        if (string.IsNullOrEmpty(configuration["PersonalData:EncryptionKey"]))
        {
            var keyFile = Path.Combine(dataDirectory, "keys.json");
            GeneratedKeyFile.EnsureExists(keyFile);
            configuration.AddJsonFile(keyFile, optional: false);
        }
    }
}
