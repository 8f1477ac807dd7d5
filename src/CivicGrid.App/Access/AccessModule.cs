using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Access;

internal static class AccessModule
{
    /// <summary>The jurisdiction every query is filtered by, set per unit of work by the host.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddScoped<CurrentJurisdiction>();
        services.AddScoped<IJurisdiction>(sp => sp.GetRequiredService<CurrentJurisdiction>());
        return services;
    }
}
