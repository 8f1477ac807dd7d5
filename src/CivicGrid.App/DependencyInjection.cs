using CivicGrid.App.Assessment;
using CivicGrid.App.Access;
using CivicGrid.App.Activities;
using CivicGrid.App.Accounts;
using CivicGrid.App.Audit;
using CivicGrid.App.Cases;
using CivicGrid.App.Community;
using CivicGrid.App.Data;
using CivicGrid.App.Enterprises;
using CivicGrid.App.Hotspots;
using CivicGrid.App.Imports;
using CivicGrid.App.Notifications;
using CivicGrid.App.Projects;
using CivicGrid.App.PublicServices;
using CivicGrid.App.Security;
using CivicGrid.App.Visits;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App;

public static class DependencyInjection
{
    /// <summary>Registers every module; <paramref name="providers"/> are the engines this host can run on.</summary>
    public static IServiceCollection AddCivicGridApp(this IServiceCollection services, IConfiguration configuration, params IDatabaseProvider[] providers)
    {
        services.AddData(configuration, providers);
        services.AddAccess();
        services.AddSecurity(configuration);
        services.AddAudit();
        services.AddAccounts(configuration);
        services.AddCases();
        services.AddEnterprises();
        services.AddProjects();
        services.AddActivities();
        services.AddNotifications(configuration);
        services.AddPublicServices(configuration);
        services.AddImports();
        services.AddCommunity();
        services.AddVisits();
        services.AddAssessment();
        services.AddHotspots();
        // A module's use cases are its public handlers, one class per use case.
        foreach (var handler in typeof(DependencyInjection).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.Name.EndsWith("Handler", StringComparison.Ordinal)))
        {
            services.AddScoped(handler);
        }
        return services;
    }
}
