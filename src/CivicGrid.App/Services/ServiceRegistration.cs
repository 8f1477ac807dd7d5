using CivicGrid.App.Services.Enrolment;
using CivicGrid.App.Services.Offers;
using CivicGrid.App.Services.Rules;
using CivicGrid.App.Services.Targets;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Services;

internal static class ServiceRegistration
{
    /// <summary>The life-cycle services' shared parts; their use cases register with every other handler.</summary>
    public static IServiceCollection AddLifeCycleServices(this IServiceCollection services)
    {
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
