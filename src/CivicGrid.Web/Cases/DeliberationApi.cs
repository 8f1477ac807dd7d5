using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Cases;

public sealed record ParticipantRequest(string Name, int? GroupId, string? EnterpriseCreditCode = null);

public sealed record OptionRequest(int? CaseId, string Text, bool? IsConsensus);

public sealed record VotesRequest(int? Votes, bool? Chosen);

public sealed record MinutesRequest(string Minutes, bool? Held);

public sealed record PlanTaskRequest(int? CaseId, string Title, string Owner, DateOnly? DueDate);

public static class DeliberationApi
{
    public static RouteGroupBuilder MapDeliberation(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Deliberation").RequireAuthorization(Policies.Staff);
        api.MapGet("/think-tank-groups", async (CivicGridDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.ThinkTankGroups.AsNoTracking().OrderBy(g => g.Id).ToListAsync(ct)));
        api.MapGet("/deliberation-days", async (DeliberationDaysHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(ct)));
        api.MapPost("/deliberation-days", async (ScheduleDeliberationDay body, DeliberationDaysHandler h, CancellationToken ct) => (await h.HandleAsync(body, ct)).ToHttp());
        api.MapPost("/deliberation-days/red-tea", async (ScheduleRedTeaDeliberation body, ScheduleRedTeaDeliberationHandler h, CancellationToken ct) => (await h.HandleAsync(body, ct)).ToHttp());
        api.MapGet("/deliberation-days/{id:int}", async (int id, DeliberationDaysHandler h, CancellationToken ct) => (await h.GetAsync(id, ct)).OrNotFound());
        api.MapPost("/deliberation-days/{id:int}/participants", async (int id, ParticipantRequest body, RunDeliberationDayHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new AddParticipant(id, body.Name, body.GroupId, body.EnterpriseCreditCode), ct)).ToHttp());
        api.MapPost("/deliberation-days/{id:int}/options", async (int id, OptionRequest body, RunDeliberationDayHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new AddOption(id, body.CaseId, body.Text, body.IsConsensus ?? false), ct)).ToHttp());
        api.MapPost("/deliberation-days/{id:int}/options/{optionId:int}/votes", async (int id, int optionId, VotesRequest body, RunDeliberationDayHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new RecordVotes(id, optionId, body.Votes, body.Chosen ?? false), ct)).ToHttp());
        api.MapPost("/deliberation-days/{id:int}/minutes", async (int id, MinutesRequest body, RunDeliberationDayHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new RecordMinutes(id, body.Minutes, body.Held ?? false), ct)).ToHttp());
        api.MapPost("/deliberation-days/{id:int}/tasks", async (int id, PlanTaskRequest body, RunDeliberationDayHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new AddPlanTask(id, body.CaseId, body.Title, body.Owner, body.DueDate), ct)).ToHttp());
        api.MapPost("/deliberation-days/{id:int}/tasks/{taskId:int}/complete", async (int id, int taskId, RunDeliberationDayHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new CompletePlanTask(id, taskId), ct)).ToHttp());
        return api;
    }
}
