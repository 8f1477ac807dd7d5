using CivicGrid.App;
using CivicGrid.App.Access;
using CivicGrid.App.Accounts;
using CivicGrid.App.Security;
using CivicGrid.App.Data;
using CivicGrid.App.Demo;
using CivicGrid.Core.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Hosting;

/// <summary>Start-up work: apply migrations; on a new installation, seed the demo district and its accounts and say how to sign in.</summary>
public static class Initialisation
{
    public static async Task InitialiseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<CurrentJurisdiction>().Set(new SystemJurisdiction("startup"));
        var db = services.GetRequiredService<CivicGridDbContext>();
        await DatabaseSetup.MigrateAsync(db, CancellationToken.None);
        await StaffPhones.EncryptPlainAsync(db, services.GetRequiredService<PersonalDataProtector>(), CancellationToken.None);

        var demo = app.Configuration.GetSection("Demo");
        if (!demo.GetValue("Seed", true))
        {
            return;
        }
        var scale = DemoScale.Parse(demo["Scale"] ?? "small");
        var logger = app.Logger;
        if (await services.GetRequiredService<SeedDemoDistrictHandler>().HandleAsync(new SeedDemoDistrict(scale), null, CancellationToken.None))
        {
            logger.LogInformation("Seeded the {Scale} demo district.", scale.Name);
        }
        var passwordFile = Path.Combine(services.GetRequiredService<DataDirectory>().Path, "demo-password.txt");
        if (!File.Exists(passwordFile))
        {
            await File.WriteAllTextAsync(passwordFile, SeedAccountsHandler.NewPassword());
        }
        var password = (await File.ReadAllTextAsync(passwordFile)).Trim();
        var accounts = await services.GetRequiredService<SeedAccountsHandler>().HandleAsync(new SeedAccounts(password), CancellationToken.None);
        await services.GetRequiredService<SeedDemoSweepsHandler>().HandOverAsync("runner", CancellationToken.None);
        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app, accounts, password));
    }

    private static void PrintWelcome(WebApplication app, IReadOnlyList<DemoAccount> accounts, string password)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        var lines = new List<string>
        {
            "",
            "==============================================================",
            $" CivicGrid 已启动 / is running:  {address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal)}",
            $" 管理员 / admin:  用户名 admin   密码 {password}",
            " 其他演示账号 / other demo accounts (same password):",
        };
        lines.AddRange(accounts.Skip(1).Select(a => $"   {a.UserName,-12} {a.DisplayName}  {a.ScopeCode}"));
        lines.Add("==============================================================");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}

