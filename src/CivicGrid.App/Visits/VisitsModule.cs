using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Visits;

internal static class VisitsModule
{
    /// <summary>The visit plans' shared reader; their use cases register with every other handler.</summary>
    public static IServiceCollection AddVisits(this IServiceCollection services)
    {
        services.AddScoped<VisitPlanReader>();
        return services;
    }
}
