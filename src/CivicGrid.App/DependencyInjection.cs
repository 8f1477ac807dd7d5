using CivicGrid.App.Accounts;
using CivicGrid.App.Access;
using CivicGrid.App.Accounts.TwoFactor;
using CivicGrid.App.Audit;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Caching;
using CivicGrid.App.Data.Replica;
using CivicGrid.App.Imports;
using CivicGrid.App.Notifications;
using CivicGrid.App.Security;
using CivicGrid.App.PublicServices;
using CivicGrid.App.PublicServices.Coverage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CivicGrid.App;

public static class DependencyInjection
{
    /// <summary>Registers the database, use cases and security services; <paramref name="providers"/> are the engines this host can run on.</summary>
    public static IServiceCollection AddCivicGridApp(this IServiceCollection services, IConfiguration configuration, params IDatabaseProvider[] providers)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = providers.FirstOrDefault(p => string.Equals(p.Name, options.Provider, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not one of: {string.Join(", ", providers.Select(p => p.Name))}.");
        var connectionString = options.ConnectionString ?? configuration.GetConnectionString("CivicGrid")
            ?? throw new InvalidOperationException("Database:ConnectionString is not set.");

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider);
        services.AddDbContext<CivicGridDbContext>(o => provider.Configure(o, connectionString));
        services.AddSingleton(new ReadReplica(provider, connectionString, string.IsNullOrWhiteSpace(options.ReadReplica) ? null : options.ReadReplica));
        services.AddScoped<ReadYourWrites>();
        services.AddScoped<ReportingReads>();
        services.AddScoped<CurrentJurisdiction>();
        services.AddScoped<IJurisdiction>(sp => sp.GetRequiredService<CurrentJurisdiction>());

        services.Configure<PersonalDataOptions>(configuration.GetSection(PersonalDataOptions.Section));
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton(sp => AuditSealKey.From(sp.GetRequiredService<IOptions<PersonalDataOptions>>().Value));

        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = PasswordPolicy.MinimumLength;
                // Length and a list of guessable passwords, not composition rules (OWASP ASVS 2.1.9).
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddPasswordValidator<PasswordPolicy>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddEntityFrameworkStores<CivicGridDbContext>()
            .AddSignInManager<StaffSignInManager>()
            .AddDefaultTokenProviders();

        services.AddSingleton<CacheVersions>();
        services.AddOptions<TwoFactorOptions>().Bind(configuration.GetSection(TwoFactorOptions.Section))
            .PostConfigure(o => o.Enforced ??= !configuration.GetValue("Demo:Seed", true));
        services.Configure<Accounts.SignUp.PhoneCodeLimits>(configuration.GetSection(Accounts.SignUp.PhoneCodeLimits.Section));
        services.AddScoped<Accounts.SignUp.PhoneCodes>();
        services.AddScoped<Accounts.SignUp.SignInNames>();
        services.AddSingleton<CaseReference>();
        services.AddSingleton<CaseLocator>();
        services.AddSingleton<CaseIntake>();
        services.AddNotifications(configuration);
        services.AddPublicServices();
        services.AddCoverage(configuration);
        services.AddScoped<BulkInsert>();
        services.AddScoped<IImporter, BuildingImporter>();
        services.AddScoped<IImporter, HouseholdImporter>();
        services.AddScoped<IImporter, ResidentImporter>();
        services.AddScoped<IImporter, EnterpriseImporter>();
        services.AddScoped<IImporter, StaffImporter>();
        foreach (var handler in typeof(DependencyInjection).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.Name.EndsWith("Handler", StringComparison.Ordinal)))
        {
            services.AddScoped(handler);
        }
        return services;
    }
}
