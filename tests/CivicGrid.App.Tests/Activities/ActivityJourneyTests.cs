using CivicGrid.App.Access;
using CivicGrid.App.Activities;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Activities;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Tests.Activities;

/// <summary>
/// A class from draft to held: the audience rule, the waiting list, check-in by signed code with every refusal changing
/// nothing, and hours credited only to the volunteer who served.
/// </summary>
public class ActivityJourneyTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private sealed record World(int FacilityId, string Community, int Elder, int Elder2, int Young, int Teacher, string Grid);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AClassRunsFromSignUpThroughCheckInToHoursAndEveryRefusalChangesNothing(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var w = await WorldAsync(app);
        var staff = AccountJurisdiction.Of(StaffRole.CommunityStaff, w.Community, "社区", null);
        ActivityCreated created;
        int teacherVolunteer;
        await using (var s = app.Scope(Resident(w.Teacher)))
        {
            teacherVolunteer = (await s.Get<RegisterVolunteerHandler>().HandleAsync(new RegisterVolunteer("电脑教学"), None)).Value!.Id;
        }
        await using (var s = app.Scope(staff))
        {
            var save = s.Get<SaveActivityHandler>();
            var bad = await save.HandleAsync(Class(w) with { AudienceRule = "agee >= 60" }, None);
            Assert.StartsWith("参与条件有误：第1个字符", bad.Errors["audienceRule"].Single(), StringComparison.Ordinal);
            created = (await save.HandleAsync(Class(w), None)).Value!;
            Assert.Equal(3, created.SessionIds.Count);
            var starts = await s.Db.ActivitySessions.Where(x => x.ActivityId == created.Id).OrderBy(x => x.StartsAt).Select(x => x.StartsAt).ToListAsync();
            Assert.Equal([new DateTime(2026, 11, 23, 6, 0, 0), new DateTime(2026, 11, 30, 6, 0, 0), new DateTime(2026, 12, 7, 6, 0, 0)], starts);
            Assert.Equal(OutcomeKind.Ok, (await s.Get<AssignServerHandler>().HandleAsync(new AssignServer(created.SessionIds[0], teacherVolunteer, ServingRole.Teacher), None)).Kind);
            Assert.Equal(3, (await s.Get<MoveSessionHandler>().HandleAsync(new MoveSession(created.SessionIds[0], SessionAction.Publish, true), None)).Value!.Moved);
        }
        var today = created.SessionIds[0];
        var nextWeek = created.SessionIds[1];

        await using (var s = app.Scope(Resident(w.Young)))
        {
            var refused = await s.Get<SignUpForSessionHandler>().HandleAsync(new SignUpForSession(today), None);
            Assert.Equal(SignUpForSessionHandler.OutsideAudience + "age >= 60", refused.Errors["sessionId"].Single());
        }
        await using (var s = app.Scope(Resident(w.Elder)))
        {
            Assert.Equal(RosterStatus.Confirmed, (await s.Get<SignUpForSessionHandler>().HandleAsync(new SignUpForSession(today), None)).Value!.Status);
            Assert.Equal(SessionRoster.AlreadySignedUp, (await s.Get<SignUpForSessionHandler>().HandleAsync(new SignUpForSession(today), None)).Errors["sessionId"].Single());
        }
        await using (var s = app.Scope(Resident(w.Elder2)))
        {
            Assert.Equal(RosterStatus.Waiting, (await s.Get<SignUpForSessionHandler>().HandleAsync(new SignUpForSession(today), None)).Value!.Status);
            Assert.Equal(CheckInRules.Waiting, (await s.Get<GetCheckInCodeHandler>().HandleAsync(new GetCheckInCode(today), None)).Errors["sessionId"].Single());
            Assert.Equal(RosterStatus.Confirmed, (await s.Get<SignUpForSessionHandler>().HandleAsync(new SignUpForSession(nextWeek), None)).Value!.Status);
        }
        await using (var s = app.Scope(Resident(w.Elder)))
        {
            var cancelled = await s.Get<CancelSignUpHandler>().HandleAsync(new CancelSignUp(today), None);
            Assert.Equal(w.Elder2, cancelled.Value!.PromotedResidentId);
            Assert.Equal(RosterStatus.Waiting, (await s.Get<SignUpForSessionHandler>().HandleAsync(new SignUpForSession(today), None)).Value!.Status);
        }
        string token, otherSession;
        await using (var s = app.Scope(Resident(w.Elder2)))
        {
            token = (await s.Get<GetCheckInCodeHandler>().HandleAsync(new GetCheckInCode(today), None)).Value!.Token;
            otherSession = (await s.Get<GetCheckInCodeHandler>().HandleAsync(new GetCheckInCode(nextWeek), None)).Value!.Token;
        }
        var key = app.Services.GetRequiredService<CheckInKey>();
        var expired = key.Issue(today, w.Elder2, AppHarness.Now.AddMinutes(-1));
        var forged = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        var stranger = key.Issue(today, w.Young, AppHarness.Now.AddHours(1));

        await using (var s = app.Scope(AccountJurisdiction.Of(StaffRole.GridWorker, w.Grid, "网格员", null)))
        {
            var checkIn = s.Get<CheckInHandler>();
            Assert.Equal(CheckInRules.OtherSession, (await checkIn.HandleAsync(new CheckIn(today, otherSession), None)).Errors["token"].Single());
            Assert.Equal(CheckInToken.Refusal(TokenReading.Forged), (await checkIn.HandleAsync(new CheckIn(today, forged), None)).Errors["token"].Single());
            Assert.Equal(CheckInToken.Refusal(TokenReading.Expired), (await checkIn.HandleAsync(new CheckIn(today, expired), None)).Errors["token"].Single());
            Assert.Equal(CheckInRules.NotSignedUp, (await checkIn.HandleAsync(new CheckIn(today, stranger), None)).Errors["token"].Single());
            Assert.StartsWith("本场活动在2026-11-30举行，不是今天", (await checkIn.HandleAsync(new CheckIn(nextWeek, otherSession), None)).Errors["token"].Single(), StringComparison.Ordinal);
            Assert.Equal(1, (await checkIn.HandleAsync(new CheckIn(today, token), None)).Value!.CheckedInCount);
            Assert.Equal(CheckInRules.AlreadyIn, (await checkIn.HandleAsync(new CheckIn(today, token), None)).Errors["token"].Single());
        }
        await using (var s = app.Scope(staff))
        {
            var confirm = s.Get<ConfirmAttendanceHandler>();
            var wrong = await confirm.HandleAsync(new ConfirmAttendance(today, [teacherVolunteer, 999_999]), None);
            Assert.Equal("志愿者（编号999999）未在本场服务或未出席，不能记志愿时长", wrong.Errors["presentServers"].Single());
            Assert.Equal(SessionStatus.Published, (await s.Db.ActivitySessions.AsNoTracking().SingleAsync(x => x.Id == today)).Status);
            Assert.Equal(0, await s.Db.HoursEntries.CountAsync());
            var done = (await confirm.HandleAsync(new ConfirmAttendance(today, [teacherVolunteer]), None)).Value!;
            Assert.Equal((1, 0, 1, 90), (done.Attended, done.NoShows, done.VolunteersCredited, done.Minutes));
            Assert.Equal("本场已举办并确认出席，不能再确认出席", (await confirm.HandleAsync(new ConfirmAttendance(today, [teacherVolunteer]), None)).Errors["sessionId"].Single());
            Assert.StartsWith("本场在2026-11-30举行", (await confirm.HandleAsync(new ConfirmAttendance(nextWeek, []), None)).Errors["sessionId"].Single(), StringComparison.Ordinal);
        }
        await using (var s = app.Scope(Resident(w.Elder2)))
        {
            Assert.Equal(OutcomeKind.Ok, (await s.Get<GiveFeedbackHandler>().HandleAsync(new GiveFeedback(today, 5, "老师讲得很耐心"), None)).Kind);
        }
        await using (var s = app.Scope(Resident(w.Teacher)))
        {
            var mine = await s.Get<MyActivitiesHandler>().HandleAsync(new MyActivities(), None);
            Assert.Equal(90, mine.Volunteer!.Minutes);
            Assert.Equal("授课", mine.Volunteer.Lines.Single().Capacity);
        }
    }

    private static SaveActivity Class(World w) =>
        new(w.FacilityId, ActivityKind.Training, "数字素养课：用手机挂号", "", "age >= 60", 1, false, new DateTime(2026, 11, 23, 14, 0, 0), 90, 3, 7);

    private static AccountJurisdiction Resident(int residentId) =>
        AccountJurisdiction.Of(StaffRole.Resident, "", "居民", null, userId: $"resident-{residentId}");

    private static async Task<World> WorldAsync(AppHarness app)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        var db = system.Db;
        var facilities = await db.Facilities.Select(f => new { f.Id, f.GridCode }).ToListAsync();
        var residents = await db.Residents.Where(r => r.DepartedOn == null).Select(r => new { r.Id, r.GridCode, r.BirthDate }).ToListAsync();
        foreach (var f in facilities.OrderBy(f => f.Id))
        {
            var community = f.GridCode[..12];
            var here = residents.Where(r => r.GridCode.StartsWith(community, StringComparison.Ordinal)).OrderBy(r => r.Id).ToList();
            var elders = here.Where(r => r.BirthDate < new DateOnly(1955, 1, 1)).ToList();
            var young = here.Where(r => r.BirthDate > new DateOnly(1995, 1, 1) && r.BirthDate < new DateOnly(2005, 1, 1)).ToList();
            if (elders.Count >= 2 && young.Count >= 2)
            {
                foreach (var id in new[] { elders[0].Id, elders[1].Id, young[0].Id, young[1].Id })
                {
                    db.Users.Add(new StaffUser { Id = $"resident-{id}", UserName = $"resident-{id}", DisplayName = "居民", Role = StaffRole.Resident, ScopeCode = "", ResidentId = id });
                }
                await db.SaveChangesAsync();
                return new World(f.Id, community, elders[0].Id, elders[1].Id, young[0].Id, young[1].Id, elders[1].GridCode);
            }
        }
        throw new InvalidOperationException("The demo district has no community with a facility, two elders and two young residents.");
    }
}
