using CivicGrid.App.Enterprises.Needs;
using CivicGrid.Core.Enterprises.Matching;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Enterprises;

internal static class EnterprisesModule
{
    /// <summary>The lists' shared parts: the weights suggestions are scored by and the one way a need is moved.</summary>
    public static IServiceCollection AddEnterprises(this IServiceCollection services)
    {
        services.AddSingleton(MatchWeights.Default);
        services.AddSingleton(Core.Enterprises.Sweeps.SweepPolicy.Default);
        services.AddScoped<NeedMover>();
        return services;
    }
}
