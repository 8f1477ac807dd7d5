using CivicGrid.App.Activities;
using CivicGrid.Core.Activities;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Activities;

/// <summary>
/// Activities, trainings and volunteers over HTTP: residents sign up and fetch their check-in code under /api/my;
/// staff of the jurisdiction list sessions and volunteers and check people in; organisers (community staff and above)
/// schedule, publish, assign volunteers and confirm attendance; anyone reads a community's calendar; an enterprise's
/// contact registers its employees as volunteers.
/// </summary>
public static class ActivitiesApi
{
    public static void MapActivities(this IEndpointRouteBuilder app)
    {
        var my = app.MapGroup("/api/my").WithTags("Activities").RequireAuthorization();
        my.MapGet("/activities", async (MyActivitiesHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(new MyActivities(), ct)));
        my.MapPost("/volunteer", async (RegisterVolunteer body, RegisterVolunteerHandler h, CancellationToken ct) => (await h.HandleAsync(body, ct)).ToHttp());
        my.MapPost("/activities/{sessionId:int}/sign-up", async (int sessionId, SignUpForSessionHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new SignUpForSession(sessionId), ct)).ToHttp());
        my.MapPost("/activities/{sessionId:int}/cancel", async (int sessionId, CancelSignUpHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new CancelSignUp(sessionId), ct)).ToHttp());
        my.MapGet("/activities/{sessionId:int}/check-in-code", async (int sessionId, GetCheckInCodeHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new GetCheckInCode(sessionId), ct)).ToHttp());
        my.MapPost("/activities/{sessionId:int}/feedback", async (int sessionId, FeedbackBody body, GiveFeedbackHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new GiveFeedback(sessionId, body.Rating, body.Comment), ct)).ToHttp());

        // Signed in: the use case refuses anyone but an enterprise's contact with a Chinese reason.
        var employees = app.MapGroup("/api/my/enterprise/volunteers").WithTags("Activities").RequireAuthorization();
        employees.MapGet("", async (EmployeeVolunteersHandler h, CancellationToken ct) => (await h.HandleAsync(new ListEmployeeVolunteers(), ct)).ToHttp());
        employees.MapPost("", async (RegisterEmployeeVolunteer body, EmployeeVolunteersHandler h, CancellationToken ct) => (await h.HandleAsync(body, ct)).ToHttp());

        var staff = app.MapGroup("/api/activities").WithTags("Activities").RequireAuthorization(Policies.ManagesPeople);
        staff.MapGet("/sessions", async (DateOnly? from, ListSessionsHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(new ListSessions(from), ct)));
        staff.MapGet("/sessions/{id:int}", async (int id, string? name, GetSessionHandler h, CancellationToken ct) => (await h.HandleAsync(new GetSession(id, name), ct)).ToHttp());
        staff.MapPost("/sessions/{id:int}/check-in", async (int id, CheckInBody body, CheckInHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new CheckIn(id, body.Token, body.SignUpId), ct)).ToHttp());
        staff.MapPost("", async (SaveActivity body, SaveActivityHandler h, CancellationToken ct) => (await h.HandleAsync(body, ct)).ToHttp())
            .RequireAuthorization(Policies.Administers);
        staff.MapPost("/sessions/{id:int}/moves", async (int id, SessionMoveBody body, MoveSessionHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new MoveSession(id, body.Action, body.WholeActivity ?? false), ct)).ToHttp()).RequireAuthorization(Policies.Administers);
        staff.MapPost("/sessions/{id:int}/servers", async (int id, ServerBody body, AssignServerHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new AssignServer(id, body.VolunteerId, body.Role), ct)).ToHttp()).RequireAuthorization(Policies.Administers);
        staff.MapPost("/sessions/{id:int}/confirm", async (int id, ConfirmBody body, ConfirmAttendanceHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new ConfirmAttendance(id, body.PresentServers), ct)).ToHttp()).RequireAuthorization(Policies.Administers);

        var volunteers = app.MapGroup("/api/volunteers").WithTags("Activities").RequireAuthorization(Policies.ManagesPeople);
        volunteers.MapGet("", async (string? q, int? page, ListVolunteersHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(new ListVolunteers(q, page ?? 1), ct)));
        volunteers.MapPost("", async (ResidentVolunteerBody body, RegisterResidentVolunteerHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new RegisterResidentVolunteer(body.Name, body.IdNumber, body.Skills), ct)).ToHttp());
        volunteers.MapGet("/hours-by-community", async (HoursByCommunityHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(new HoursByCommunity(), ct)));

        app.MapGet("/communities/{code}/calendar", async Task<IResult> (string code, CommunityCalendarHandler h, CancellationToken ct) =>
            await h.HandleAsync(new CommunityCalendar(code), ct) is { } ics
                ? Results.Text(ics, "text/calendar; charset=utf-8")
                : new NotFoundProblem())
            .WithTags("Activities").Produces<string>(StatusCodes.Status200OK, "text/calendar").ProducesProblem(StatusCodes.Status404NotFound).AllowAnonymous();
    }
}

public sealed record FeedbackBody(int? Rating, string? Comment);

public sealed record CheckInBody(string? Token, int? SignUpId);

public sealed record SessionMoveBody(SessionAction? Action, bool? WholeActivity);

public sealed record ServerBody(int? VolunteerId, ServingRole? Role);

public sealed record ConfirmBody(IReadOnlyList<int>? PresentServers);

public sealed record ResidentVolunteerBody(string? Name, string? IdNumber, string? Skills);
