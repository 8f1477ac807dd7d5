using CivicGrid.App;
using System.CommandLine;
using CivicGrid.App.Accounts;
using CivicGrid.App.Data;
using Spectre.Console;

namespace CivicGrid.Cli;

/// <summary>`accounts create-admin`: the first district admin of an installation, before anyone can sign in to make accounts.</summary>
internal static class AccountCommands
{
    public static Command Accounts(Func<ParseResult, GlobalOptions> globals)
    {
        var command = new Command("accounts", "Account administration that cannot wait for the web: the first administrator");
        command.Subcommands.Add(CreateAdmin(globals));
        return command;
    }

    private static Command CreateAdmin(Func<ParseResult, GlobalOptions> globals)
    {
        var userName = new Option<string>("--user-name") { Description = "Sign-in name: 3 to 50 letters, digits or . - _ @", Required = true };
        var displayName = new Option<string>("--display-name") { Description = "The administrator's name as pages show it", Required = true };
        var scope = new Option<string?>("--scope") { Description = "Code of the node the account is scoped to; the district node if left out" };
        var command = new Command("create-admin", "Create a district admin with a one-time password, shown once, to be changed at the first sign-in")
        {
            userName, displayName, scope,
        };
        command.SetAction(async (r, ct) =>
        {
            await using var host = CliHost.Create(globals(r));
            await DatabaseSetup.MigrateAsync(host.Get<CivicGridDbContext>(), ct);
            var outcome = await host.Get<CreateAdministratorHandler>().HandleAsync(
                new CreateAdministrator(r.GetValue(userName), r.GetValue(displayName), r.GetValue(scope)), ct);
            if (outcome.Kind != OutcomeKind.Ok)
            {
                foreach (var (field, reasons) in outcome.Errors)
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]{field}: {string.Join("；", reasons)}[/]");
                }
                return 1;
            }
            AnsiConsole.MarkupLineInterpolated($"[green]已创建区管理员 {outcome.Value!.UserName} / district admin created[/]");
            AnsiConsole.MarkupLineInterpolated($"一次性密码 / one-time password: [bold]{outcome.Value.Password}[/]");
            AnsiConsole.MarkupLine("此密码只显示这一次，首次登录时须修改 / shown only this once; it must be changed at the first sign-in");
            return 0;
        });
        return command;
    }
}
