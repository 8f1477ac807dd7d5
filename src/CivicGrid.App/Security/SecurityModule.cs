using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Security;

internal static class SecurityModule
{
    /// <summary>The encryption and lookup hashing of personal data, under the configured keys.</summary>
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PersonalDataOptions>(configuration.GetSection(PersonalDataOptions.Section));
        services.AddSingleton<PersonalDataProtector>();
        return services;
    }
}
