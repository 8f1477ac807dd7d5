using CivicGrid.App.Access;
using CivicGrid.App.Activities;
using CivicGrid.App.Activities.Teams;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Activities;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Activities;

/// <summary>
/// An enterprise's employees as volunteers (企业职工志愿者): the contact registers them (phone encrypted and masked, one
/// registration per phone), the community's staff see them among their volunteers and put them in a team by name, and
/// the contact sees their hours; nobody else's volunteers.
/// </summary>
public class EmployeeVolunteerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AContactRegistersEmployeesWhomTheCommunitySeesAndTeamsAndTheContactSeesTheirHours(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (firm, grid) = await FirmAsync(app);
        var community = grid[..12];
        await using var contact = app.Scope(AccountJurisdiction.Of(StaffRole.EnterpriseContact, grid, "企业联系人", null, userId: "contact").WithEnterprises(firm, null));
        var register = contact.Get<EmployeeVolunteersHandler>();

        var badPhone = await register.HandleAsync(new RegisterEmployeeVolunteer("赵工程师", "12345", "摄影"), None);
        var noName = await register.HandleAsync(new RegisterEmployeeVolunteer(" ", null, null), None);
        var first = await register.HandleAsync(new RegisterEmployeeVolunteer("赵工程师", "139 1234 5678", "摄影、法律"), None);
        var samePhone = await register.HandleAsync(new RegisterEmployeeVolunteer("赵二", "13912345678", null), None);
        var second = await register.HandleAsync(new RegisterEmployeeVolunteer("钱会计", null, "财务"), None);
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            system.Db.HoursEntries.Add(new HoursEntry
            {
                VolunteerId = first.Value, GridCode = grid, Source = HoursSource.Activity, SourceId = 1, Minutes = 90, Capacity = "授课",
                CreditedAt = app.Clock.GetUtcNow().UtcDateTime, CreditedBy = "社区",
            });
            await system.Db.SaveChangesAsync();
        }
        var listed = (await register.HandleAsync(new ListEmployeeVolunteers(), None)).Value!;
        var stored = await contact.Db.Volunteers.AsNoTracking().SingleAsync(v => v.Id == first.Value);

        await using var staff = app.Scope(AccountJurisdiction.Of(StaffRole.CommunityStaff, community, "社区", null));
        var seen = (await staff.Get<ListVolunteersHandler>().HandleAsync(new ListVolunteers("赵工程师"), None)).Items;
        await staff.Get<EnsureThinkTankTeamsHandler>().HandleAsync(new EnsureThinkTankTeams(community), None);
        var team = (await staff.Get<ListTeamsHandler>().HandleAsync(new ListTeams(community), None)).Single(t => t.Name == "专家咨询团").Id;
        var added = await staff.Get<TeamMembersHandler>().HandleAsync(new AddTeamMember(team, null, "法律", "钱会计"), None);
        await using var otherContact = app.Scope(AccountJurisdiction.Of(StaffRole.EnterpriseContact, grid, "别家联系人", null, userId: "other").WithEnterprises(firm + 1, null));
        var others = (await otherContact.Get<EmployeeVolunteersHandler>().HandleAsync(new ListEmployeeVolunteers(), None)).Value!;
        await using var resident = app.Scope(AccountJurisdiction.Of(StaffRole.Resident, "", "居民", null, userId: "nobody"));
        var refused = await resident.Get<EmployeeVolunteersHandler>().HandleAsync(new RegisterEmployeeVolunteer("某人", null, null), None);

        Assert.Equal("手机号应为以1开头的11位数字", badPhone.Errors["phone"].Single());
        Assert.Equal("请填写 1 到 50 字的姓名", noName.Errors["name"].Single());
        Assert.Equal(OutcomeKind.Ok, first.Kind);
        Assert.Equal("该手机号已登记为本企业的志愿者", samePhone.Errors["phone"].Single());
        Assert.Equal(OutcomeKind.Ok, second.Kind);
        Assert.Equal([("赵工程师", "139****5678", 90), ("钱会计", (string?)null, 0)], listed.Select(v => (v.Name, v.PhoneMasked, v.Minutes)).OrderBy(v => v.Item3 == 0));
        Assert.Equal((null, firm, grid), (stored.ResidentId, stored.EnterpriseId, stored.GridCode));
        Assert.NotNull(stored.PhoneCipher);
        Assert.DoesNotContain("13912345678", System.Text.Encoding.UTF8.GetString(stored.PhoneCipher!), StringComparison.Ordinal);
        Assert.True(Assert.Single(seen).Employee);
        Assert.Equal(OutcomeKind.Ok, added.Kind);
        Assert.Empty(others);
        Assert.Equal(OutcomeKind.Forbidden, refused.Kind);
        Assert.Equal(2, await contact.Db.Volunteers.CountAsync());
    }

    private static async Task<(int Id, string Grid)> FirmAsync(AppHarness app)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        var firm = await system.Db.Enterprises.OrderBy(e => e.Id).Select(e => new { e.Id, e.GridCode }).FirstAsync();
        return (firm.Id, firm.GridCode);
    }
}
