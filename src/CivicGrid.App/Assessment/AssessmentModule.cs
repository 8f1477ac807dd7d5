using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Assessment;

internal static class AssessmentModule
{
    /// <summary>The assessment's figures reader and scoring; its use cases register with every other handler.</summary>
    public static IServiceCollection AddAssessment(this IServiceCollection services)
    {
        services.AddScoped<AssessmentFigures>();
        services.AddScoped<ModuleFigures>();
        services.AddScoped<ReviewComputation>();
        return services;
    }
}
