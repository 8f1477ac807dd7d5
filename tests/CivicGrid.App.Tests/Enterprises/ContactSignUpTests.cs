using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Enterprises.Contacts;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Enterprises;

/// <summary>企业联系人自助申请: a person asks with the firm's credit code; the community's staff approve (an account opens as an invitation would) or refuse.</summary>
public class ContactSignUpTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ARequestWithABadCodeIsNamedAndAGoodOneIsApprovedIntoAContactAccountByTheCommunitysStaff(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        Firm firm;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            firm = await system.Db.Enterprises.Where(e => e.Building != null && e.Building.BusinessCommunityId != null).OrderBy(e => e.Id)
                .Select(e => new Firm(e.Id, e.CreditCode, e.GridCode, e.Building!.BusinessCommunity!.StreetCode, e.Building.BusinessCommunityId!.Value)).FirstAsync();
        }
        await using var anonymous = app.Scope(AccountJurisdiction.Of(StaffRole.Resident, "~", "anonymous", null));
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

        await using var far = app.Scope(AccountJurisdiction.Of(StaffRole.StreetOfficial, firm.Street[..^1] + (firm.Street[^1] == '1' ? '2' : '1'), "邻街", null));
        Assert.Empty((await far.Get<ListContactSignUpsHandler>().HandleAsync(new ListContactSignUps(), None)).Value!);
        Assert.Equal(OutcomeKind.NotFound, (await far.Get<DecideContactSignUpHandler>().HandleAsync(new DecideContactSignUp(sent.Value, true), None)).Kind);
        await using var runner = app.Scope(AccountJurisdiction.Of(StaffRole.Runner, firm.Street, "助跑员", null).WithEnterprises(null, firm.Community));
        Assert.Equal(OutcomeKind.Forbidden, (await runner.Get<DecideContactSignUpHandler>().HandleAsync(new DecideContactSignUp(sent.Value, true), None)).Kind);

        await using var staff = app.Scope(AccountJurisdiction.Of(StaffRole.BusinessCommunityStaff, firm.Street, "商务社区", null, userId: "bc-staff").WithEnterprises(null, firm.Community));
        var listed = (await staff.Get<ListContactSignUpsHandler>().HandleAsync(new ListContactSignUps(), None)).Value!;
        var approved = await staff.Get<DecideContactSignUpHandler>().HandleAsync(new DecideContactSignUp(sent.Value, true), None);
        var refused = await staff.Get<DecideContactSignUpHandler>().HandleAsync(new DecideContactSignUp(other.Value, false, "非本企业员工"), None);

        Assert.Equal(new (int, string, string?, string?)[] { (sent.Value, "王经理", "139****0001", "w***@example.cn"), (other.Value, "李会计", null, "l***@example.cn") },
            listed.Select(s => (s.Id, s.Name, s.PhoneMasked, s.EmailMasked)));
        var password = approved.Value!;
        Assert.Null(refused.Value);
        await using var check = app.Scope(new SystemJurisdiction());
        var account = await check.Db.Users.AsNoTracking().SingleAsync(u => u.UserName == password.UserName);
        Assert.Equal((StaffRole.EnterpriseContact, (int?)firm.Id, firm.Grid, "王经理", (string?)"139****0001", (string?)null, (string?)"wang@example.cn", true),
            (account.Role, account.EnterpriseId, account.ScopeCode, account.DisplayName, account.PhoneMasked, account.PhoneNumber, account.Email, account.MustChangePassword));
        var requests = await check.Db.Set<ContactSignUp>().AsNoTracking().OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(new (ContactSignUpStatus, string?, string?)[] { (ContactSignUpStatus.Approved, account.Id, null), (ContactSignUpStatus.Refused, null, "非本企业员工") },
            requests.Select(s => (s.Status, s.UserId, s.Note)));
        Assert.All(requests, s => Assert.Equal("商务社区", s.DecidedBy));
        Assert.Equal(1, await check.Db.Users.CountAsync(u => u.Role == StaffRole.EnterpriseContact));
    }

    private sealed record Firm(int Id, string CreditCode, string Grid, string Street, int Community);
}
