using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

public sealed record GetCase(int Id);

public sealed record TimelineEntry(DateTime At, string Action, string ActionName, string From, string To, string Level, string Actor, string? Note, IReadOnlyList<string> Attachments, string? PublicNote);

public sealed record PlanTaskView(int Id, string Title, string Owner, DateOnly DueDate, DateTime? DoneAt);

public sealed record CaseDetail(
    int Id, string ItemCode, string ItemName, string Category, string Description, string? Address, double? Latitude, double? Longitude,
    string GridCode, string GridName, string Source, string Status, string StatusName, string Level, string LevelName,
    string? DepartmentCode, string? DepartmentName, int? DeliberationDayId, int? MergedIntoId,
    DateTime ReceivedAt, DateTime RespondBy, DateTime? ResolveBy, DateTime? ClosedAt, bool Overdue,
    int SupportCount, int ReworkCount, int ExtensionCount, int PressCount, int? PendingExtensionDays,
    string? Rating, int? ProcessScore, int? ResultScore, string? ContactName, string? ContactPhone,
    IReadOnlyDictionary<string, string> Answers, bool MayDeliberate,
    IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<PlanTaskView> Tasks, IReadOnlyList<string> AllowedActions);

/// <summary>One case with its timeline and the moves the caller may make now.</summary>
public sealed class GetCaseHandler(CivicGridDbContext db, CaseReference reference)
{
    public async Task<CaseDetail?> HandleAsync(GetCase query, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Timeline).FirstOrDefaultAsync(x => x.Id == query.Id, ct);
        if (c is null)
        {
            return null;
        }
        var snapshot = await reference.GetAsync(db, ct);
        var item = snapshot.Items[c.ItemCode];
        var grid = await db.PublicGeography().TerritoryNodes.AsNoTracking().Where(n => n.Code == c.GridCode).Select(n => n.Name).FirstOrDefaultAsync(ct);
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => t.CaseId == c.Id).OrderBy(t => t.DueDate)
            .Select(t => new PlanTaskView(t.Id, t.Title, t.Owner, t.DueDate, t.DoneAt)).ToListAsync(ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var rules = snapshot.Rules(c, now) with { OpenPlanTasks = tasks.Count(t => t.DoneAt is null) };
        var allowed = c.AvailableActions(db.Jurisdiction.ActorLabel(), rules).Where(a => a != CaseAction.Remind && db.Jurisdiction.May(a, c)).Select(a => a.ToString()).ToList();
        return new CaseDetail(
            c.Id, c.ItemCode, item.Name, item.Category, c.Description, c.Address, c.Latitude, c.Longitude,
            c.GridCode, grid ?? c.GridCode, c.Source.ChineseName(), c.Status.ToString(), c.Status.ChineseName(), c.Level.ToString(), c.Level.ChineseName(),
            c.DepartmentCode, c.DepartmentCode is { } d && snapshot.Departments.TryGetValue(d, out var dep) ? dep.Name : null, c.DeliberationDayId, c.MergedIntoId,
            c.ReceivedAt, c.RespondBy, c.ResolveBy, c.ClosedAt, c.CurrentDeadline < now,
            c.SupportCount, c.ReworkCount, c.ExtensionCount, c.PressCount, c.PendingExtensionDays,
            c.Rating?.ChineseName(), c.ProcessScore, c.ResultScore, c.ContactName, c.ContactPhoneMasked,
            c.AttributesJson is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(c.AttributesJson)!, item.MayDeliberate,
            c.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id).Select(ToEntry).ToList(), tasks, allowed);
    }

    private static TimelineEntry ToEntry(CaseEvent e) => new(
        e.At, e.Action.ToString(), e.Action.ChineseName(), e.From.ChineseName(), e.To.ChineseName(), e.Level.ChineseName(), e.Actor, e.Note,
        e.Attachments?.Split(',') ?? [], e.PublicNote);
}
