using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Hotspots;

internal static class HotspotsModule
{
    /// <summary>What is kept per node: the day's trend baselines and the cockpits' hotspots; the use cases register with every other handler.</summary>
    public static IServiceCollection AddHotspots(this IServiceCollection services) =>
        services.AddSingleton<TrendBaselines>().AddSingleton<RecentHotspots>();
}
