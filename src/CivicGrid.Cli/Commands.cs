using CivicGrid.App;
using System.CommandLine;
using System.Diagnostics;
using CivicGrid.App.Accounts;
using CivicGrid.App.Audit;
using CivicGrid.App.Data;
using CivicGrid.App.Demo;
using CivicGrid.App.Enterprises;
using CivicGrid.App.Exports;
using CivicGrid.App.Imports;
using CivicGrid.App.People;
using CivicGrid.App.Security;
using CivicGrid.App.Territory;
using CivicGrid.Core.Demo;
using Spectre.Console;

namespace CivicGrid.Cli;

/// <summary>Each command calls the same use cases as the web.</summary>
internal static class Commands
{
    public static Command Migrate(Func<ParseResult, GlobalOptions> globals)
    {
        var command = new Command("migrate", "Apply pending database migrations");
        command.SetAction(async (r, ct) =>
        {
            await using var host = CliHost.Create(globals(r));
            await DatabaseSetup.MigrateAsync(host.Get<CivicGridDbContext>(), ct);
            await StaffPhones.EncryptPlainAsync(host.Get<CivicGridDbContext>(), host.Get<PersonalDataProtector>(), ct);
            AnsiConsole.MarkupLine("[green]数据库已是最新 / database is up to date[/]");
            return 0;
        });
        return command;
    }

    public static Command Seed(Func<ParseResult, GlobalOptions> globals)
    {
        var scale = new Option<string>("--scale") { Description = "tiny, small or district", DefaultValueFactory = _ => "small" };
        var command = new Command("seed", "Fill an empty database with the demo district") { scale };
        command.SetAction(async (r, ct) =>
        {
            await using var host = CliHost.Create(globals(r));
            await DatabaseSetup.MigrateAsync(host.Get<CivicGridDbContext>(), ct);
            var watch = Stopwatch.StartNew();
            var seeded = false;
            await AnsiConsole.Progress().StartAsync(async ctx =>
            {
                var task = ctx.AddTask("生成演示辖区 / seeding");
                var progress = new Progress<SeedProgress>(p => { task.MaxValue = p.Total; task.Value = p.Done; task.Description = p.Stage; });
                seeded = await host.Get<SeedDemoDistrictHandler>().HandleAsync(new SeedDemoDistrict(DemoScale.Parse(r.GetValue(scale)!)), progress, ct);
            });
            AnsiConsole.MarkupLine(seeded ? $"[green]已生成演示辖区，用时 {watch.Elapsed.TotalSeconds:F1} 秒[/]" : "[yellow]数据库中已有辖区，未生成 / a district is already there[/]");
            return 0;
        });
        return command;
    }

    public static Command Import(Func<ParseResult, GlobalOptions> globals)
    {
        var kind = new Argument<ImportKind>("kind") { Description = "Buildings, Households, Residents, Enterprises or Staff" };
        var file = new Argument<FileInfo>("file") { Description = ".xlsx or .csv (UTF-8 with or without BOM, UTF-16 with BOM, or GBK)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report, write nothing" };
        var command = new Command("import", "Import a spreadsheet: all rows or none") { kind, file, dryRun };
        command.SetAction(async (r, ct) =>
        {
            await using var host = CliHost.Create(globals(r));
            var path = r.GetValue(file)!;
            var watch = Stopwatch.StartNew();
            ImportReport? report = null;
            try
            {
                await AnsiConsole.Progress().StartAsync(async ctx =>
                {
                    var reading = ctx.AddTask("读取文件 / reading", maxValue: 1);
                    await using var stream = path.OpenRead();
                    using var data = TabularFile.Open(stream, path.Name);
                    reading.Value = 1;
                    var writing = ctx.AddTask("检查并写入 / checking and writing", maxValue: Math.Max(1, data.RowCount));
                    var progress = new Progress<int>(n => writing.Increment(n));
                    var outcome = await host.Get<RunImportHandler>().HandleAsync(new RunImport(r.GetValue(kind), data, !r.GetValue(dryRun), path.Name), progress, ct);
                    writing.Value = writing.MaxValue;
                    report = outcome.Value;
                });
            }
            catch (ImportFileException ex)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{ex.Message}[/]");
                return 2;
            }
            return Print(report!, watch.Elapsed);
        });
        return command;
    }

    public static Command ImportTerritory(Func<ParseResult, GlobalOptions> globals)
    {
        var file = new Argument<FileInfo>("file") { Description = "GeoJSON FeatureCollection; each feature has properties code and name" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report, write nothing" };
        var command = new Command("import-territory", "Add or update places of the tree and their boundaries from GeoJSON") { file, dryRun };
        command.SetAction(async (r, ct) =>
        {
            await using var host = CliHost.Create(globals(r));
            var watch = Stopwatch.StartNew();
            var text = await File.ReadAllTextAsync(r.GetValue(file)!.FullName, ct);
            var outcome = await host.Get<ImportTerritoryHandler>().HandleAsync(new ImportTerritory(text, !r.GetValue(dryRun)), ct);
            return Print(outcome.Value!, watch.Elapsed);
        });
        return command;
    }

    private static int Print(ImportReport report, TimeSpan elapsed)
    {
        AnsiConsole.MarkupLineInterpolated($"{report.Rows} 行：新增 {report.Inserted}，更新 {report.Updated}，无变化 {report.Unchanged}，错误 {report.Errors.Count}；用时 {elapsed.TotalSeconds:F1} 秒（{report.Rows / Math.Max(0.001, elapsed.TotalSeconds):F0} 行/秒）");
        if (!report.HasErrors)
        {
            AnsiConsole.MarkupLine(report.Committed ? "[green]已导入 / imported[/]" : "[green]检查通过，未写入 / checked, nothing written[/]");
            PrintPasswords(report.Passwords);
            return 0;
        }
        var table = new Table().AddColumns("行 row", "列 column", "原因 reason");
        foreach (var e in report.Errors.Take(200))
        {
            table.AddRow(e.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(e.Column), Markup.Escape(e.Reason));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[red]文件有错误，未导入任何数据 / nothing was imported[/]");
        return 1;
    }

    /// <summary>A staff import's one-time passwords, printed this once for whoever ran it to hand over.</summary>
    private static void PrintPasswords(IReadOnlyList<IssuedPassword> passwords)
    {
        if (passwords.Count == 0)
        {
            return;
        }
        var table = new Table().AddColumns("用户名 user name", "姓名 name", "初始密码 one-time password");
        foreach (var p in passwords)
        {
            table.AddRow(Markup.Escape(p.UserName), Markup.Escape(p.DisplayName), Markup.Escape(p.Password));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[yellow]初始密码只显示这一次，首次登录时必须修改 / shown this once; each must be changed at the first sign-in[/]");
    }

    public static Command Export(Func<ParseResult, GlobalOptions> globals)
    {
        var list = new Argument<string>("list") { Description = "residents or enterprises" };
        var file = new Argument<FileInfo>("file") { Description = "Output .xlsx or .csv" };
        var command = new Command("export", "Export a list, masked as on screen") { list, file };
        command.SetAction(async (r, ct) =>
        {
            await using var host = CliHost.Create(globals(r));
            var path = r.GetValue(file)!;
            var format = path.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Csv : ExportFormat.Xlsx;
            await using var output = path.Create();
            var exports = host.Get<ExportListsHandler>();
            if (r.GetValue(list) == "enterprises")
            {
                await exports.EnterprisesAsync(output, format, new SearchEnterprises(), ct);
            }
            else
            {
                await exports.ResidentsAsync(output, format, new SearchResidents(PageSize: int.MaxValue), ct);
            }
            AnsiConsole.MarkupLineInterpolated($"[green]已导出到 {path.FullName}[/]");
            return 0;
        });
        return command;
    }

    public static Command DemoFiles()
    {
        var scale = new Option<string>("--scale") { DefaultValueFactory = _ => "district" };
        var output = new Option<DirectoryInfo>("--out") { DefaultValueFactory = _ => new DirectoryInfo("demo-files") };
        var command = new Command("demo-files", "Write the demo district's places as GeoJSON (for import-territory) and its buildings, households, residents and enterprises as CSV import files") { scale, output };
        command.SetAction(async (r, ct) =>
        {
            var folder = r.GetValue(output)!;
            folder.Create();
            var district = new DemoDistrict(DemoScale.Parse(r.GetValue(scale)!), DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().Date));
            var population = district.Population().ToList();
            var (offices, enterprises) = district.Business();
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "territory.geojson"), DemoTerritoryFile.GeoJson(district.Territory), ct);
            await DemoCsv.WriteAsync(Path.Combine(folder.FullName, "buildings.csv"), DemoTables.Buildings(population.SelectMany(g => g.Buildings).Concat(offices)), ct);
            await DemoCsv.WriteAsync(Path.Combine(folder.FullName, "households.csv"), DemoTables.Households(population.SelectMany(g => g.Households)), ct);
            await DemoCsv.WriteAsync(Path.Combine(folder.FullName, "residents.csv"), DemoTables.Residents(population.SelectMany(g => g.People)), ct);
            await DemoCsv.WriteAsync(Path.Combine(folder.FullName, "enterprises.csv"), DemoTables.Enterprises(enterprises), ct);
            AnsiConsole.MarkupLineInterpolated($"[green]{population.Sum(p => p.People.Count):N0} 名居民的导入文件已写入 {folder.FullName}[/]");
            return 0;
        });
        return command;
    }

    public static Command VerifyAudit(Func<ParseResult, GlobalOptions> globals)
    {
        var command = new Command("verify-audit", "Walk the audit log's hash chain and name the first broken record");
        command.SetAction(async (r, ct) =>
        {
            await using var host = CliHost.Create(globals(r));
            var result = await host.Get<AuditQueriesHandler>().HandleAsync(new VerifyAuditChain(), ct);
            if (result.Intact)
            {
                AnsiConsole.MarkupLineInterpolated($"[green]审计链完整：{result.Checked} 条记录，其中 {result.Keyed} 条以安装密钥封印[/]");
                return 0;
            }
            AnsiConsole.MarkupLineInterpolated($"[red]审计链被破坏：{result.Problem}（之前 {result.Checked} 条完整）[/]");
            return 1;
        });
        return command;
    }

    public static Command RotateKeys(Func<ParseResult, GlobalOptions> globals)
    {
        var command = new Command("rotate-keys",
            "Re-encrypt ID numbers and phones still under a retired key (PersonalData:PreviousKeys) with the current key");
        command.SetAction(async (r, ct) =>
        {
            await using var host = CliHost.Create(globals(r));
            var report = await host.Get<RotatePersonalDataHandler>().HandleAsync(new RotatePersonalData(),
                new Progress<int>(n => AnsiConsole.MarkupLineInterpolated($"[grey]已重新加密 {n} 位居民……[/]")), ct);
            AnsiConsole.MarkupLineInterpolated($"[green]密钥轮换完成：{report.Residents} 位居民、{report.Cases} 件诉求的联系电话已用当前密钥重新加密[/]");
            return 0;
        });
        return command;
    }
}
