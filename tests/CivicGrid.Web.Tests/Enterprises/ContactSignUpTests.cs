using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Enterprises.Contacts;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Enterprises;

/// <summary>企业联系人自助申请: a person asks with the firm's credit code; the community's staff approve (an account opens as an invitation would) or refuse.</summary>
public class ContactSignUpTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ARequestWithABadCodeIsNamedAndAGoodOneIsApprovedIntoAContactAccountByTheCommunitysStaff(DatabaseKind kind)
    {
        // Its own site: approving opens an account, which needs the host's data protection, and the counts below are exact.
        await using var app = await CivicGridFactory.StartAsync(kind);
        var firm = await app.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Enterprises
            .Where(e => e.Building != null && e.Building.BusinessCommunityId != null).OrderBy(e => e.Id)
            .Select(e => new Firm(e.Id, e.CreditCode, e.GridCode, e.Building!.BusinessCommunity!.StreetCode, e.Building.BusinessCommunityId!.Value)).FirstAsync());
        await using var anonymous = Scope(app, null);
        var request = anonymous.Get<RequestContactSignUpHandler>();

        var badCode = await request.HandleAsync(new RequestContactSignUp("91330105MA27XXXX0A", "王经理", "13905710001", null), None);
        var unknown = await request.HandleAsync(new RequestContactSignUp(CreditCode.Compose('9', '1', "330105", "00000001"), "王经理", "13905710001", null), None);
        var unreachable = await request.HandleAsync(new RequestContactSignUp(firm.CreditCode, "王经理", null, " "), None);
        var sent = await request.HandleAsync(new RequestContactSignUp(firm.CreditCode.ToLowerInvariant(), " 王经理 ", "139 0571 0001", "wang@example.cn"), None);
        var again = await request.HandleAsync(new RequestContactSignUp(firm.CreditCode, "王经理", "13905710001", null), None);
        var other = await request.HandleAsync(new RequestContactSignUp(firm.CreditCode, "李会计", null, "li@example.cn"), None);

        Assert.Contains("校验位", Assert.Single(badCode.Errors["creditCode"]), StringComparison.Ordinal);
        Assert.Contains("本区没有", Assert.Single(unknown.Errors["creditCode"]), StringComparison.Ordinal);
        Assert.True(unreachable.Errors.ContainsKey("phone"));
        Assert.Contains("已为该企业提交过申请", Assert.Single(again.Errors["phone"]), StringComparison.Ordinal);

        await using var far = Scope(app, AccountJurisdiction.Of(StaffRole.StreetOfficial, firm.Street[..^1] + (firm.Street[^1] == '1' ? '2' : '1'), "邻街", null));
        Assert.Empty((await far.Get<ListContactSignUpsHandler>().HandleAsync(new ListContactSignUps(), None)).Value!);
        Assert.Equal(OutcomeKind.NotFound, (await far.Get<DecideContactSignUpHandler>().HandleAsync(new DecideContactSignUp(sent.Value, true), None)).Kind);
        await using var runner = Scope(app, AccountJurisdiction.Of(StaffRole.Runner, firm.Street, "助跑员", null).WithEnterprises(null, firm.Community));
        Assert.Equal(OutcomeKind.Forbidden, (await runner.Get<DecideContactSignUpHandler>().HandleAsync(new DecideContactSignUp(sent.Value, true), None)).Kind);

        await using var staff = Scope(app, AccountJurisdiction.Of(StaffRole.BusinessCommunityStaff, firm.Street, "商务社区", null, userId: "bc-staff").WithEnterprises(null, firm.Community));
        var listed = (await staff.Get<ListContactSignUpsHandler>().HandleAsync(new ListContactSignUps(), None)).Value!;
        var approved = await staff.Get<DecideContactSignUpHandler>().HandleAsync(new DecideContactSignUp(sent.Value, true), None);
        var refused = await staff.Get<DecideContactSignUpHandler>().HandleAsync(new DecideContactSignUp(other.Value, false, "非本企业员工"), None);

        Assert.Equal(new (int, string, string?, string?)[] { (sent.Value, "王经理", "139****0001", "w***@example.cn"), (other.Value, "李会计", null, "l***@example.cn") },
            listed.Select(s => (s.Id, s.Name, s.PhoneMasked, s.EmailMasked)));
        var password = approved.Value!;
        Assert.Null(refused.Value);
        await using var check = Scope(app, new SystemJurisdiction());
        var account = await check.Db.Users.AsNoTracking().SingleAsync(u => u.UserName == password.UserName);
        Assert.Equal((StaffRole.EnterpriseContact, (int?)firm.Id, firm.Grid, "王经理", (string?)"139****0001", (string?)null, (string?)"wang@example.cn", true),
            (account.Role, account.EnterpriseId, account.ScopeCode, account.DisplayName, account.PhoneMasked, account.PhoneNumber, account.Email, account.MustChangePassword));
        var requests = await check.Db.Set<ContactSignUp>().AsNoTracking().OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(new (ContactSignUpStatus, string?, string?)[] { (ContactSignUpStatus.Approved, account.Id, null), (ContactSignUpStatus.Refused, null, "非本企业员工") },
            requests.Select(s => (s.Status, s.UserId, s.Note)));
        Assert.All(requests, s => Assert.Equal("商务社区", s.DecidedBy));
        Assert.Equal(1, await check.Db.Users.CountAsync(u => u.Role == StaffRole.EnterpriseContact && u.UserName!.StartsWith("qy")));
    }

    private sealed record Firm(int Id, string CreditCode, string Grid, string Street, int Community);

    /// <summary>The site's services as one caller; none: an anonymous visitor, whose jurisdiction sees nothing.</summary>
    private static Caller Scope(CivicGridFactory site, IJurisdiction? who)
    {
        var scope = site.Services.CreateAsyncScope();
        if (who is not null)
        {
            scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(who);
        }
        return new Caller(scope);
    }

    private sealed class Caller(AsyncServiceScope scope) : IAsyncDisposable
    {
        public CivicGridDbContext Db => Get<CivicGridDbContext>();
        public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
