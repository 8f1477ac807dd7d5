using CivicGrid.App.PublicServices.Coverage;
using CivicGrid.App.PublicServices.Enrolment;
using CivicGrid.App.PublicServices.Offers;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.App.PublicServices.Targets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.PublicServices;

internal static class PublicServicesModule
{
    /// <summary>The life-cycle services' shared parts; their use cases register with every other handler.</summary>
    public static IServiceCollection AddPublicServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCoverage(configuration);
        services.AddSingleton<PublishedRules>();
        services.AddScoped<RuleBook>();
        services.AddScoped<Eligibility>();
        services.AddScoped<TargetQueries>();
        services.AddScoped<OfferWriter>();
        services.AddScoped<WaitingList>();
        services.AddScoped<ResidentAccounts>();
        return services;
    }
}
