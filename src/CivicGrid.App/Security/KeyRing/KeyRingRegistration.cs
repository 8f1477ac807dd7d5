using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CivicGrid.App.Security.KeyRing;

public static class KeyRingRegistration
{
    /// <summary>Keeps the key ring in the database, encrypted, so a cookie one node issues is accepted by every other.</summary>
    public static IDataProtectionBuilder PersistKeysToDatabase(this IDataProtectionBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new DatabaseKeyRing(services.GetRequiredService<IServiceScopeFactory>());
            o.XmlEncryptor = new KeyRingEncryptor(services.GetRequiredService<PersonalDataProtector>());
        }));
        return builder;
    }
}
