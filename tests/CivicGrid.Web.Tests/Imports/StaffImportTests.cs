using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivicGrid.App.Access;
using CivicGrid.App.Accounts;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Imports;

public class StaffImportTests
{
    private const string Header = "用户名,姓名,角色,所属区划编码,所属部门,手机号,电子邮箱";

    private static int _names;

    private static string NewName(string prefix) => $"{prefix}{Interlocked.Increment(ref _names)}x";

    private static MultipartFormDataContent File(params string[] rows)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "staff.csv");
        return form;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Report)> ImportAsync(HttpClient client, bool commit, params string[] rows)
    {
        var response = await client.PostAsync($"/api/imports/Staff?commit={(commit ? "true" : "false")}", File(rows));
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(body).RootElement);
    }

    private static List<(int Row, string Column, string Reason)> Errors(JsonElement report) =>
        report.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("reason").GetString()!)).ToList();

    private static void HasError(List<(int Row, string Column, string Reason)> errors, int row, string column, string reason) =>
        Assert.True(errors.Any(e => e.Row == row && e.Column == column && e.Reason.Contains(reason, StringComparison.Ordinal)),
            $"no error ({row}, {column}, …{reason}…) among:\n{string.Join("\n", errors)}");

    private static Task<int> CountAsync(CivicGridFactory site) =>
        site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Users.CountAsync());

    private static Task<T> WithDbAsync<T>(CivicGridFactory site, Func<CivicGridDbContext, Task<T>> work) =>
        site.AsSystemAsync(sp => work(sp.GetRequiredService<CivicGridDbContext>()));

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EveryBadRowIsNamedByRowColumnAndReasonAndNothingIsSaved(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = (await site.GridsAsync()).ConvertAll(g => g.Code);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var taken = await site.CreateAccountAsync(StaffRole.GridWorker, grids[0]);
        await WithDbAsync(site, async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == taken);
            StaffPhones.Set(user, "13900000001", site.Services.GetRequiredService<App.Security.PersonalDataProtector>());
            db.Departments.Add(new Core.Cases.Department { Code = "OLD", Name = "旧部门", RetiredAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) });
            return await db.SaveChangesAsync();
        });
        var before = await CountAsync(site);
        var good = NewName("good");
        var twice = NewName("twice");

        var (status, report) = await ImportAsync(admin, commit: true,
            $"{good},好人,网格员,{grids[0]},,13800000001,",
            $"{twice},甲,网格员,{grids[0]},,13800000002,",
            $"{twice.ToUpperInvariant()},乙,网格员,{grids[1]},,13800000002,",
            $"{NewName("r")},丙,队长,{grids[0]},,,",
            $"{NewName("n")},丁,网格员,330105999999999,,,",
            $"{NewName("l")},戊,社区工作者,{grids[0]},,,",
            $"{NewName("d")},己,职能部门经办人,330105,旧部门,,",
            $"{NewName("d")},庚,职能部门经办人,330105,XX,,",
            $"{taken},辛,网格员,{grids[0]},,,",
            $"{NewName("p")},壬,网格员,{grids[0]},,13900000001,",
            $"{NewName("x")},癸,居民,{grids[0]},,,",
            $"a!,子,网格员,{grids[0]},,,");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.False(report.GetProperty("committed").GetBoolean());
        Assert.Empty(report.GetProperty("passwords").EnumerateArray());
        var errors = Errors(report);
        HasError(errors, 4, "用户名", "与第3行重复");
        HasError(errors, 4, "手机号", "与第3行重复");
        HasError(errors, 5, "角色", "未知角色“队长”");
        HasError(errors, 6, "所属区划编码", "不存在");
        HasError(errors, 7, "所属区划编码", "社区工作者的所属区划应为社区");
        HasError(errors, 8, "所属部门", "已撤销");
        HasError(errors, 9, "所属部门", "部门“XX”不存在");
        HasError(errors, 10, "用户名", "已存在");
        HasError(errors, 11, "手机号", "已被其他账号使用");
        HasError(errors, 12, "角色", "居民账号");
        HasError(errors, 13, "用户名", "用户名应为");
        Assert.DoesNotContain(errors, e => e.Row == 2);
        Assert.Equal(before, await CountAsync(site));
        Assert.False(await WithDbAsync(site, db => db.Users.AnyAsync(u => u.UserName == good)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AGoodFileOpensAccountsWithOneTimePasswordsAuditedWithoutThemAndReimportingItChangesNothing(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = (await site.GridsAsync()).ConvertAll(g => g.Code);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var (worker, handler, community) = (NewName("gw"), NewName("dh"), NewName("cs"));
        string[] rows =
        [
            $"{worker},王网格,网格员,{grids[0]},,138 0000 0011,w@example.org",
            $"{handler},李经办,DepartmentHandler,330105,CG,,",
            $"{community},赵社区,社区工作者,{grids[0][..12]},,,",
        ];
        var before = await CountAsync(site);

        var (previewStatus, preview) = await ImportAsync(admin, commit: false, rows);
        Assert.Equal(HttpStatusCode.OK, previewStatus);
        Assert.Equal((3, false), (preview.GetProperty("inserted").GetInt32(), preview.GetProperty("committed").GetBoolean()));
        Assert.Equal(before, await CountAsync(site));

        var (status, report) = await ImportAsync(admin, commit: true, rows);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, report.GetProperty("inserted").GetInt32());
        var passwords = report.GetProperty("passwords").EnumerateArray()
            .ToDictionary(p => p.GetProperty("userName").GetString()!, p => p.GetProperty("password").GetString()!);
        Assert.Equal([community, handler, worker], passwords.Keys.Order());
        await site.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var account = await users.FindByNameAsync(worker);
            Assert.NotNull(account);
            Assert.True(await users.CheckPasswordAsync(account, passwords[worker]));
            var phone = sp.GetRequiredService<App.Security.PersonalDataProtector>().Decrypt(account.PhoneCipher!);
            Assert.Equal((StaffRole.GridWorker, grids[0], "13800000011", (string?)null, true), (account.Role, account.ScopeCode, phone, account.PhoneNumber, account.MustChangePassword));
            Assert.Equal("CG", (await users.FindByNameAsync(handler))!.DepartmentCode);
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var ids = await db.Users.Where(u => passwords.Keys.Contains(u.UserName!)).Select(u => u.Id).ToListAsync();
            var audit = await db.AuditEntries.Where(a => a.Action == AccountAuditActions.Create && ids.Contains(a.EntityKey)).ToListAsync();
            Assert.Equal(3, audit.Count);
            var log = string.Join("\n", (await db.AuditEntries.ToListAsync()).Select(a => $"{a.Action} {a.Entity} {a.EntityKey} {a.Detail}"));
            Assert.All(passwords.Values, p => Assert.DoesNotContain(p, log, StringComparison.Ordinal));
            return 0;
        });

        var (againStatus, again) = await ImportAsync(admin, commit: true, rows);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal((0, 0, 3), (again.GetProperty("inserted").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        Assert.Empty(again.GetProperty("passwords").EnumerateArray());
        Assert.Equal(before + 3, await CountAsync(site));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnImporterOpensOnlyAccountsItMayManageAndGridWorkersMayNotImportStaff(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = (await site.GridsAsync()).ConvertAll(g => g.Code);
        var grid = grids[0];
        var otherStreet = grids.First(g => g[..9] != grid[..9]);
        var otherCommunity = grids.First(g => g[..9] == grid[..9] && g[..12] != grid[..12]);
        var before = await CountAsync(site);

        var street = await site.CreateClientAsync(StaffRole.StreetOfficial, grid[..9]);
        var (status, report) = await ImportAsync(street, commit: true,
            $"{NewName("in")},里,网格员,{otherCommunity},,,",
            $"{NewName("out")},外,网格员,{otherStreet},,,",
            $"{NewName("up")},上,街道干部,{grid[..9]},,,",
            $"{NewName("dh")},部,职能部门经办人,{grid[..9]},CG,,");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var errors = Errors(report);
        Assert.DoesNotContain(errors, e => e.Row == 2);
        HasError(errors, 3, "所属区划编码", "不在您的管辖范围内");
        HasError(errors, 4, "角色", "您不能管理“街道干部”");
        HasError(errors, 5, "角色", "您不能管理“职能部门经办人”");

        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid[..12]);
        var (communityStatus, communityReport) = await ImportAsync(community, commit: true,
            $"{NewName("in")},里,网格员,{grid},,,",
            $"{NewName("out")},外,网格员,{otherCommunity},,,",
            $"{NewName("up")},上,社区工作者,{grid[..12]},,,");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, communityStatus);
        var communityErrors = Errors(communityReport);
        HasError(communityErrors, 3, "所属区划编码", "不在您的管辖范围内");
        HasError(communityErrors, 4, "角色", "您不能管理“社区工作者”");

        var gridWorker = await site.CreateClientAsync(StaffRole.GridWorker, grid);
        var refused = await gridWorker.PostAsync("/api/imports/Staff?commit=true", File($"{NewName("gw")},网,网格员,{grid},,,"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // The three importers' own accounts, nothing else.
        Assert.Equal(before + 3, await CountAsync(site));
        var (okStatus, ok) = await ImportAsync(community, commit: true, $"{NewName("in")},里,网格员,{grid},,,");
        Assert.Equal((HttpStatusCode.OK, 1), (okStatus, ok.GetProperty("inserted").GetInt32()));
    }
}
