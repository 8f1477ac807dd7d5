using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Imports;

internal static class ImportsModule
{
    /// <summary>One importer per kind of file the import pipeline takes.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddScoped<IImporter, BuildingImporter>();
        services.AddScoped<IImporter, HouseholdImporter>();
        services.AddScoped<IImporter, ResidentImporter>();
        services.AddScoped<IImporter, EnterpriseImporter>();
        services.AddScoped<IImporter, StaffImporter>();
        services.AddScoped<IImporter, OfferImporter>();
        services.AddScoped<IImporter, RunnerAssignmentImporter>();
        services.AddScoped<IImporter, ProjectImporter>();
        services.AddScoped<IImporter, BankReturnImporter>();
        return services;
    }
}
