using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.App.Access;
using CivicGrid.App.Accounts;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Accounts;

public class AccountAdministrationTests
{
    private static int _names;

    private static string NewName(string prefix) => $"{prefix}{Interlocked.Increment(ref _names)}";

    /// <summary>The tiny district's places: a grid, another grid of its community, one of another community of its street, one of the other street.</summary>
    private sealed record Places(string Grid, string SameCommunityGrid, string SameStreetGrid, string OtherStreetGrid)
    {
        public string Community => Grid[..12];
        public string Street => Grid[..9];

        public static async Task<Places> OfAsync(CivicGridFactory site)
        {
            var grids = (await site.GridsAsync()).ConvertAll(g => g.Code);
            var grid = grids[0];
            return new(grid, grids.First(g => g != grid && g[..12] == grid[..12]), grids.First(g => g[..9] == grid[..9] && g[..12] != grid[..12]),
                grids.First(g => g[..9] != grid[..9]));
        }
    }

    private static object Body(string userName, StaffRole role, string scope, string? phone = null) =>
        new { userName, displayName = "测试账号", role = role.ToString(), scopeCode = scope, departmentCode = (string?)null, phone, email = (string?)null };

    private static Task<StaffUser?> FindAsync(CivicGridFactory site, string userName) =>
        site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName));

    private static async Task<string> IdOfAsync(CivicGridFactory site, string userName) => (await FindAsync(site, userName))!.Id;

    private static async Task<string> ReasonsAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EachAdministeringRoleActsInsideItsSubtreeAndIsRefusedOutsideAndAboveWithNothingChanged(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var p = await Places.OfAsync(site);
        // (role, own scope, a grid inside, a grid outside, a role above what it manages, a node for that role inside)
        var cases = new (StaffRole Role, string Scope, string Inside, string Outside, StaffRole Above, string AboveScope)[]
        {
            (StaffRole.DistrictAdmin, "330105", p.OtherStreetGrid, "330106001001001", StaffRole.DistrictAdmin, "330106"),
            (StaffRole.StreetOfficial, p.Street, p.SameStreetGrid, p.OtherStreetGrid, StaffRole.StreetOfficial, p.Street),
            (StaffRole.CommunityStaff, p.Community, p.SameCommunityGrid, p.SameStreetGrid, StaffRole.CommunityStaff, p.Community),
        };
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var actor = await site.CreateClientAsync(c.Role, c.Scope);
            var before = await CountAsync(site);

            var inside = NewName("in");
            Expect(failures, $"{c.Role} create inside", await actor.PostAsJsonAsync("/api/admin/accounts", Body(inside, StaffRole.GridWorker, c.Inside)), HttpStatusCode.OK);
            var outside = NewName("out");
            Expect(failures, $"{c.Role} create outside", await actor.PostAsJsonAsync("/api/admin/accounts", Body(outside, StaffRole.GridWorker, c.Outside)), HttpStatusCode.BadRequest, "scopeCode");
            var above = NewName("up");
            Expect(failures, $"{c.Role} create above", await actor.PostAsJsonAsync("/api/admin/accounts", Body(above, c.Above, c.AboveScope)), HttpStatusCode.BadRequest);
            Expect(failures, $"{c.Role} create a department handler", await actor.PostAsJsonAsync("/api/admin/accounts",
                new { userName = NewName("dep"), displayName = "经办人", role = "DepartmentHandler", scopeCode = c.Scope, departmentCode = "CG" }), c.Role == StaffRole.DistrictAdmin ? HttpStatusCode.OK : HttpStatusCode.BadRequest);
            if (await FindAsync(site, outside) is not null || await FindAsync(site, above) is not null)
            {
                failures.Add($"{c.Role}: a refused account was created");
            }

            var own = await IdOfAsync(site, inside);
            var strangerName = await site.CreateAccountAsync(StaffRole.GridWorker, c.Role == StaffRole.DistrictAdmin ? p.Grid : c.Outside);
            var stranger = await IdOfAsync(site, strangerName);
            var stranger404 = c.Role != StaffRole.DistrictAdmin;
            Expect(failures, $"{c.Role} update inside", await actor.PutAsJsonAsync($"/api/admin/accounts/{own}", new { displayName = "改名", role = "GridWorker", scopeCode = c.Inside }), HttpStatusCode.OK);
            Expect(failures, $"{c.Role} update outside", await actor.PutAsJsonAsync($"/api/admin/accounts/{stranger}", new { displayName = "改名", role = "GridWorker", scopeCode = p.Grid }),
                stranger404 ? HttpStatusCode.NotFound : HttpStatusCode.OK);
            Expect(failures, $"{c.Role} raise", await actor.PutAsJsonAsync($"/api/admin/accounts/{own}", new { displayName = "改名", role = c.Above.ToString(), scopeCode = c.AboveScope }), HttpStatusCode.BadRequest);
            Expect(failures, $"{c.Role} move outside", await actor.PutAsJsonAsync($"/api/admin/accounts/{own}", new { displayName = "改名", role = "GridWorker", scopeCode = c.Outside }), HttpStatusCode.BadRequest);
            var kept = await FindAsync(site, inside);
            if (kept is not { Role: StaffRole.GridWorker } || kept.ScopeCode != c.Inside)
            {
                failures.Add($"{c.Role}: a refused update changed the account to {kept?.Role} {kept?.ScopeCode}");
            }
            Expect(failures, $"{c.Role} disable outside", await actor.PostAsync($"/api/admin/accounts/{stranger}/disable", null), stranger404 ? HttpStatusCode.NotFound : HttpStatusCode.OK);
            Expect(failures, $"{c.Role} disable inside", await actor.PostAsync($"/api/admin/accounts/{own}/disable", null), HttpStatusCode.OK);
            Expect(failures, $"{c.Role} read outside", await actor.GetAsync($"/api/admin/accounts/{stranger}"), stranger404 ? HttpStatusCode.NotFound : HttpStatusCode.OK);
            if (stranger404 && (await FindAsync(site, strangerName))!.DisabledAt is not null)
            {
                failures.Add($"{c.Role}: an account outside was stopped");
            }
            var created = await CountAsync(site) - before;
            // The inside account, the stranger, the district admin's handler; nothing else.
            if (created != (c.Role == StaffRole.DistrictAdmin ? 3 : 2))
            {
                failures.Add($"{c.Role}: {created} accounts were added");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static Task<int> CountAsync(CivicGridFactory site) => site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Users.CountAsync());

    private static void Expect(List<string> failures, string what, HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (response.StatusCode != status)
        {
            failures.Add($"{what}: {(int)response.StatusCode} {body}");
        }
        else if (status != HttpStatusCode.OK && !body.Any(ch => ch is >= '\u4e00' and <= '\u9fff'))
        {
            failures.Add($"{what}: refused without a Chinese reason: {body}");
        }
        else if (field is not null && !body.Contains($"\"{field}\"", StringComparison.Ordinal))
        {
            failures.Add($"{what}: the reason does not name {field}: {body}");
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AStoppedAccountsSessionEndsAtItsNextRequestAndItCannotSignIn(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var p = await Places.OfAsync(site);
        var admin = await site.CreateClientAsync(StaffRole.CommunityStaff, p.Community);
        var userName = await site.CreateAccountAsync(StaffRole.GridWorker, p.Grid);
        var worker = await SignInAsync(site, userName, CivicGridFactory.Password);
        var id = await IdOfAsync(site, userName);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/api/cases")).StatusCode);

        (await admin.PostAsync($"/api/admin/accounts/{id}/disable", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await worker.GetAsync("/api/cases")).StatusCode);
        var page = await worker.GetAsync("/cases");
        Assert.Contains("/account/login", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var stopped = await Anonymous(site).PostAsJsonAsync("/api/auth/login", new { userName, password = CivicGridFactory.Password });
        var guessed = await Anonymous(site).PostAsJsonAsync("/api/auth/login", new { userName, password = "Wrong-password-77" });
        Assert.Equal(HttpStatusCode.Forbidden, stopped.StatusCode);
        Assert.Contains("账号已停用", await stopped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, guessed.StatusCode);
        Assert.DoesNotContain("停用", await guessed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var form = await PageForms.SubmitAsync(Anonymous(site), "/account/login", "login", [new("Input.UserName", userName), new("Input.Password", CivicGridFactory.Password)]);
        Assert.Contains("账号已停用", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        (await admin.PostAsync($"/api/admin/accounts/{id}/enable", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await (await SignInAsync(site, userName, CivicGridFactory.Password)).GetAsync("/api/cases")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AResetPasswordIsShownOnceMustBeChangedFirstAndNeverReachesTheLog(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var p = await Places.OfAsync(site);
        var street = await site.CreateClientAsync(StaffRole.StreetOfficial, p.Street);
        var created = await (await street.PostAsJsonAsync("/api/admin/accounts", Body(NewName("reset"), StaffRole.GridWorker, p.Grid, "13900001111"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("accountId").GetString()!;
        var userName = created.GetProperty("userName").GetString()!;
        var first = created.GetProperty("password").GetString()!;
        var oldSession = await SignInAsync(site, userName, first);

        var reset = await (await street.PostAsync($"/api/admin/accounts/{id}/reset-password", null)).Content.ReadFromJsonAsync<JsonElement>();
        var password = reset.GetProperty("password").GetString()!;
        var worker = await SignInAsync(site, userName, password);
        var me = await worker.GetFromJsonAsync<JsonElement>("/api/auth/me");
        var blocked = await worker.GetAsync("/api/cases");
        var redirected = await worker.GetAsync("/residents");
        var weak = await worker.PostAsJsonAsync("/api/auth/password", new { currentPassword = password, newPassword = "password123" });
        var changed = await worker.PostAsJsonAsync("/api/auth/password", new { currentPassword = password, newPassword = "Gridworker-own-pass-7" });
        var after = await worker.GetAsync("/api/cases");

        Assert.Equal(HttpStatusCode.Unauthorized, (await oldSession.GetAsync("/api/auth/me")).StatusCode);
        Assert.NotEqual(first, password);
        Assert.True(me.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.Contains("修改初始密码", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/account/password", redirected.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.False((await FindAsync(site, userName))!.MustChangePassword);
        Assert.NotNull((await FindAsync(site, userName))!.LastSignInAt);

        var history = await street.GetFromJsonAsync<JsonElement>($"/api/admin/accounts/{id}/history");
        var actions = history.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains(AccountAuditActions.Create, actions);
        Assert.Contains(AccountAuditActions.ResetPassword, actions);
        Assert.Contains(history.GetProperty("items").EnumerateArray(), e => e.GetProperty("detail").GetString() == $"Role,ScopeCode: 网格员；{p.Grid}");
        var log = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().AuditEntries.AsNoTracking()
            .Select(e => e.Actor + " " + e.Action + " " + e.EntityKey + " " + e.Detail).ToListAsync());
        Assert.DoesNotContain(log, l => l.Contains(first, StringComparison.Ordinal) || l.Contains(password, StringComparison.Ordinal)
            || l.Contains("Gridworker-own-pass-7", StringComparison.Ordinal) || l.Contains("13900001111", StringComparison.Ordinal));
        var hash = (await FindAsync(site, userName))!.PasswordHash!;
        Assert.DoesNotContain(log, l => l.Contains(hash, StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheListShowsOnlyWhatTheActorManagesAndRefusesDuplicatesAndBadNodes(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var p = await Places.OfAsync(site);
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, p.Community);
        var mine = NewName("mine");
        (await community.PostAsJsonAsync("/api/admin/accounts", Body(mine, StaffRole.GridWorker, p.Grid, "13900002222"))).EnsureSuccessStatusCode();
        var elsewhere = await site.CreateAccountAsync(StaffRole.GridWorker, p.SameStreetGrid);
        var peer = await site.CreateAccountAsync(StaffRole.CommunityStaff, p.Community);

        var list = await community.GetFromJsonAsync<JsonElement>("/api/admin/accounts?pageSize=200");
        var names = list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("userName").GetString()).ToList();
        var searched = await community.GetFromJsonAsync<JsonElement>($"/api/admin/accounts?q={mine.ToUpperInvariant()}&role=GridWorker&neverSignedIn=true");
        var duplicateName = await community.PostAsJsonAsync("/api/admin/accounts", Body(mine, StaffRole.GridWorker, p.Grid));
        var duplicatePhone = await community.PostAsJsonAsync("/api/admin/accounts", Body(NewName("dup"), StaffRole.GridWorker, p.Grid, "139 0000 2222"));
        var noNode = await community.PostAsJsonAsync("/api/admin/accounts", Body(NewName("nonode"), StaffRole.GridWorker, p.Community + "999"));
        var wrongLevel = await community.PostAsJsonAsync("/api/admin/accounts", Body(NewName("level"), StaffRole.GridWorker, p.Community));
        var badRole = await community.GetAsync("/api/admin/accounts?role=Mayor");

        Assert.Contains(mine, names);
        Assert.DoesNotContain(elsewhere, names);
        Assert.DoesNotContain(peer, names);
        Assert.All(list.GetProperty("items").EnumerateArray(), e => Assert.Equal("GridWorker", e.GetProperty("role").GetString()));
        Assert.Equal([mine], searched.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("userName").GetString()).ToList());
        Assert.Contains("139****2222", list.ToString(), StringComparison.Ordinal);
        Assert.Contains("已被使用", await duplicateName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("该手机号已被其他账号使用", await duplicatePhone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("不存在", await noNode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("网格员的所属区划应为网格", await wrongLevel.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await site.CreateClientAsync(StaffRole.GridWorker, p.Grid)).GetAsync("/api/admin/accounts")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheFirstAdministratorIsMadeFromTheCommandLineAndMustChangeItsPassword(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var userName = NewName("chief");
        var outcome = await site.AsSystemAsync(sp => sp.GetRequiredService<CreateAdministratorHandler>().HandleAsync(new CreateAdministrator(userName, "区管理员"), CancellationToken.None));
        var nowhere = await site.AsSystemAsync(sp => sp.GetRequiredService<CreateAdministratorHandler>().HandleAsync(new CreateAdministrator(NewName("chief"), "区管理员", "330199"), CancellationToken.None));

        Assert.Equal(OutcomeKind.Ok, outcome.Kind);
        Assert.Equal(OutcomeKind.Invalid, nowhere.Kind);
        Assert.Contains("不存在", nowhere.Errors["ScopeCode"][0], StringComparison.Ordinal);
        var account = (await FindAsync(site, userName))!;
        Assert.Equal((StaffRole.DistrictAdmin, "330105", true), (account.Role, account.ScopeCode, account.MustChangePassword));
        var admin = await SignInAsync(site, userName, outcome.Value!.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/admin/accounts")).StatusCode);
        Assert.Contains(await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().AuditEntries.Where(e => e.EntityKey == account.Id).Select(e => e.Actor).ToListAsync()),
            a => a == "tests");
    }

    private static HttpClient Anonymous(CivicGridFactory site) => site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<HttpClient> SignInAsync(CivicGridFactory site, string userName, string password)
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.PostAsJsonAsync("/api/auth/login", new { userName, password })).EnsureSuccessStatusCode();
        return client;
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AStaffPhoneIsStoredAsCipherTextAndOneLeftPlainByAnEarlierVersionIsEncrypted(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var p = await Places.OfAsync(site);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var created = NewName("phone");
        (await admin.PostAsJsonAsync("/api/admin/accounts", Body(created, StaffRole.GridWorker, p.Grid, "13900003333"))).EnsureSuccessStatusCode();
        var legacy = await site.CreateAccountAsync(StaffRole.GridWorker, p.SameCommunityGrid);
        var protector = site.Services.GetRequiredService<App.Security.PersonalDataProtector>();

        var (stored, encrypted) = await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var user = await db.Users.SingleAsync(u => u.UserName == legacy);
            user.PhoneNumber = "13900004444";
            await db.SaveChangesAsync();
            var count = await StaffPhones.EncryptPlainAsync(db, protector, CancellationToken.None);
            return (await db.Users.AsNoTracking().Where(u => u.UserName == created || u.UserName == legacy).ToListAsync(), count);
        });
        var again = await admin.PostAsJsonAsync("/api/admin/accounts", Body(NewName("dup"), StaffRole.GridWorker, p.Grid, "139 0000 4444"));

        Assert.Equal(1, encrypted);
        Assert.All(stored, u => Assert.Null(u.PhoneNumber));
        Assert.Equal(["13900003333", "13900004444"], stored.Select(u => protector.Decrypt(u.PhoneCipher!)).Order());
        Assert.Equal(["139****3333", "139****4444"], stored.Select(u => u.PhoneMasked).Order());
        Assert.Contains("该手机号已被其他账号使用", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
