using CivicGrid.App.Activities.Teams;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Activities;

/// <summary>
/// Volunteer teams and invitations to deliberation days over HTTP: staff of the jurisdiction read teams and a day's
/// invitations; organisers keep teams and members, invite and mark attendance; a volunteer answers their own invitation.
/// </summary>
public static class TeamsApi
{
    public static void MapTeams(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/my/invitations/{id:int}/answer", async (int id, AnswerBody body, AnswerInvitationHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new AnswerInvitation(id, body.Confirm), ct)).ToHttp()).WithTags("Activities").RequireAuthorization();
        app.MapPost("/api/my/teams/{id:int}", async (int id, JoinBody body, JoinTeamHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new JoinTeam(id, body.Skills), ct)).ToHttp()).WithTags("Activities").RequireAuthorization();
        app.MapDelete("/api/my/teams/{id:int}", async (int id, JoinTeamHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new LeaveTeam(id), ct)).ToHttp()).WithTags("Activities").RequireAuthorization();

        var teams = app.MapGroup("/api/teams").WithTags("Activities").RequireAuthorization(Policies.ManagesPeople);
        teams.MapGet("", async (string? community, ListTeamsHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(new ListTeams(community), ct)));
        teams.MapPost("", async (TeamBody body, SaveTeamHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new SaveTeam(null, body.CommunityCode, body.Name, body.Skills), ct)).ToHttp()).RequireAuthorization(Policies.Administers);
        teams.MapPut("/{id:int}", async (int id, TeamBody body, SaveTeamHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new SaveTeam(id, null, body.Name, body.Skills), ct)).ToHttp()).RequireAuthorization(Policies.Administers);
        teams.MapPost("/think-tank", async (ThinkTankBody body, EnsureThinkTankTeamsHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new EnsureThinkTankTeams(body.CommunityCode), ct)).ToHttp()).RequireAuthorization(Policies.Administers);
        teams.MapPost("/{id:int}/members", async (int id, MemberBody body, TeamMembersHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new AddTeamMember(id, body.VolunteerId, body.Skills, body.VolunteerName), ct)).ToHttp()).RequireAuthorization(Policies.Administers);
        teams.MapDelete("/{id:int}/members/{volunteerId:int}", async (int id, int volunteerId, TeamMembersHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new RemoveTeamMember(id, volunteerId), ct)).ToHttp()).RequireAuthorization(Policies.Administers);

        var days = app.MapGroup("/api/deliberation-days/{id:int}").WithTags("Activities").RequireAuthorization(Policies.ManagesPeople);
        days.MapGet("/invitations", async (int id, string? teams, string? skill, GetDayInvitationsHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new GetDayInvitations(id, Ids(teams), skill), ct)).ToHttp());
        days.MapPost("/invitations", async (int id, InviteBody body, InviteMembersHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new InviteMembers(id, body.TeamIds, body.VolunteerIds), ct)).ToHttp()).RequireAuthorization(Policies.Administers);
        days.MapPost("/attendance", async (int id, AttendanceBody body, MarkDeliberationAttendanceHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new MarkDeliberationAttendance(id, body.Attended), ct)).ToHttp()).RequireAuthorization(Policies.Administers);
    }

    /// <summary>Team ids from "1,2,3"; what is not a number is left out.</summary>
    public static IReadOnlyList<int> Ids(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => int.TryParse(t, out var n) ? n : 0).Where(n => n > 0).Distinct().ToList();
}

public sealed record AnswerBody(bool? Confirm);

public sealed record TeamBody(string? CommunityCode, string? Name, string? Skills);

public sealed record ThinkTankBody(string? CommunityCode);

/// <summary>Joining a team: skills from its list, separated by 、 (none is allowed).</summary>
public sealed record JoinBody(string? Skills);

public sealed record MemberBody(int? VolunteerId, string? Skills, string? VolunteerName = null);

public sealed record InviteBody(IReadOnlyList<int>? TeamIds, IReadOnlyList<int>? VolunteerIds);

public sealed record AttendanceBody(IReadOnlyList<int>? Attended);
