using System.CommandLine;
using CivicGrid.Cli;

var dataDir = new Option<string>("--data-dir") { Description = "Directory of the embedded database and generated keys", DefaultValueFactory = _ => "App_Data", Recursive = true };
var provider = new Option<string?>("--provider") { Description = "Sqlite or Postgres", Recursive = true };
var connection = new Option<string?>("--connection") { Description = "Database connection string", Recursive = true };

var root = new RootCommand("CivicGrid command line: migrate, seed, import, export, verify the audit log, create the first administrator")
{
    dataDir, provider, connection,
};
GlobalOptions Globals(ParseResult r) => new(r.GetValue(dataDir)!, r.GetValue(provider), r.GetValue(connection));

root.Subcommands.Add(Commands.Migrate(Globals));
root.Subcommands.Add(Commands.Seed(Globals));
root.Subcommands.Add(Commands.Import(Globals));
root.Subcommands.Add(Commands.ImportTerritory(Globals));
root.Subcommands.Add(Commands.Export(Globals));
root.Subcommands.Add(Commands.DemoFiles());
root.Subcommands.Add(Commands.VerifyAudit(Globals));
root.Subcommands.Add(Commands.RotateKeys(Globals));
root.Subcommands.Add(AccountCommands.Accounts(Globals));

return await root.Parse(args).InvokeAsync();
