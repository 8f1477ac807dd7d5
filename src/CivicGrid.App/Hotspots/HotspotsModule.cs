using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Hotspots;

internal static class HotspotsModule
{
    /// <summary>The trend baselines kept per node for the day; the use cases register with every other handler.</summary>
    public static IServiceCollection AddHotspots(this IServiceCollection services) => services.AddSingleton<TrendBaselines>();
}
