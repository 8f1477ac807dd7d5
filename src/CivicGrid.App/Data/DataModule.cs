using CivicGrid.App.Data.Caching;
using CivicGrid.App.Data.Replica;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CivicGrid.App.Data;

internal static class DataModule
{
    /// <summary>The one database model on the configured engine, its read replica and the raw write paths.</summary>
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration, IDatabaseProvider[] providers)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = providers.FirstOrDefault(p => string.Equals(p.Name, options.Provider, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not one of: {string.Join(", ", providers.Select(p => p.Name))}.");
        var connectionString = options.ConnectionString ?? configuration.GetConnectionString("CivicGrid")
            ?? throw new InvalidOperationException("Database:ConnectionString is not set.");

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider);
        services.AddDbContext<CivicGridDbContext>(o => provider.Configure(o, connectionString));
        services.AddSingleton(new ReadReplica(provider, connectionString, string.IsNullOrWhiteSpace(options.ReadReplica) ? null : options.ReadReplica));
        services.AddScoped<ReadYourWrites>();
        services.AddScoped<ReportingReads>();
        services.AddScoped<BulkInsert>();
        services.AddSingleton<CacheVersions>();
        return services;
    }
}
