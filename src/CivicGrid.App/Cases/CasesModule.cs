using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Cases;

internal static class CasesModule
{
    /// <summary>The loop's shared parts: its reference data, the place finder and the intake's group commit.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddSingleton<CaseReference>();
        services.AddSingleton<CaseLocator>();
        services.AddSingleton<CaseIntake>();
        services.AddScoped<Enterprises.Needs.INeedCaseOpener, NeedCaseOpener>();
        return services;
    }
}
