using CivicGrid.App;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Security.KeyRing;
using CivicGrid.Data.Postgres;
using CivicGrid.Data.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Cli;

/// <summary>The same application services the web host uses, acting as the system on behalf of the operator.</summary>
internal sealed class CliHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private CliHost(ServiceProvider services)
    {
        _services = services;
        _scope = services.CreateAsyncScope();
        _scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new SystemJurisdiction($"cli:{Environment.UserName}"));
    }

    public static CliHost Create(GlobalOptions options)
    {
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true);
        // The same variables the web server reads (Database__Provider …), so one environment serves both; CIVICGRID_ ones win.
        configuration.AddEnvironmentVariables();
        configuration.AddEnvironmentVariables("CIVICGRID_");
        if (options.Provider is not null)
        {
            configuration["Database:Provider"] = options.Provider;
        }
        if (options.Connection is not null)
        {
            configuration["Database:ConnectionString"] = options.Connection;
        }
        EmbeddedDefaults.Apply(configuration, options.DataDirectory);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCivicGridApp(configuration, new SqliteProvider(), new PostgresProvider());
        // Identity's account use cases need data protection; the web's key ring in the database, as every node shares it.
        services.AddDataProtection().SetApplicationName("CivicGrid").PersistKeysToDatabase();
        return new CliHost(services.BuildServiceProvider());
    }

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}

internal sealed record GlobalOptions(string DataDirectory, string? Provider, string? Connection);
