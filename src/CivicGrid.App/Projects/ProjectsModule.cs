using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Projects;

internal static class ProjectsModule
{
    /// <summary>The major projects' shared parts; their use cases are registered as every module's public handlers are.</summary>
    public static IServiceCollection AddProjects(this IServiceCollection services) => services.AddScoped<Reports.PortfolioReader>();
}
