using CivicGrid.App.Access;
using CivicGrid.App.Accounts.SignUp;
using CivicGrid.App.Accounts.TwoFactor;
using CivicGrid.App.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Accounts;

internal static class AccountsModule
{
    /// <summary>Staff and resident accounts: passwords, lockout, sign-in, two-factor and phone codes.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
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
        services.AddOptions<TwoFactorOptions>().Bind(configuration.GetSection(TwoFactorOptions.Section))
            .PostConfigure(o => o.Enforced ??= !configuration.GetValue("Demo:Seed", true));
        services.Configure<PhoneCodeLimits>(configuration.GetSection(PhoneCodeLimits.Section));
        services.AddScoped<PhoneCodes>();
        services.AddScoped<SignInNames>();
        return services;
    }
}
