using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.PublicServices.Coverage;

internal static class CoverageModule
{
    public static IServiceCollection AddCoverage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CoverageOptions>().Bind(configuration.GetSection(CoverageOptions.Section))
            .Validate(o => o.DetourFactor >= 1 && o.MetresPerMinute > 0 && o.GapThreshold is >= 0 and <= 1,
                "Coverage: DetourFactor must be at least 1, MetresPerMinute above 0 and GapThreshold between 0 and 1.")
            .ValidateOnStart();
        services.AddSingleton<CoverageCache>();
        return services;
    }
}
