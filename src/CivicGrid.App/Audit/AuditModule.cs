using CivicGrid.App.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CivicGrid.App.Audit;

internal static class AuditModule
{
    /// <summary>The seal the chain's entries are linked under.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton(sp => AuditSealKey.From(sp.GetRequiredService<IOptions<PersonalDataOptions>>().Value));
        return services;
    }
}
