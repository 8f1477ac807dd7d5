using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Enterprises.Sweeps;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Sweeps;

/// <summary>A need heard on a visit: its category and a few words.</summary>
public sealed record FoundNeed(string? CategoryCode, string? Description);

/// <summary>
/// A runner's visit to a firm in a building given to them, with the needs found on it raised as ordinary list items
/// (source: visit) in the same step, and photos already uploaded to the attachment store, which are linked to the visit.
/// </summary>
public sealed record RecordVisit(
    int EnterpriseId, int BuildingId, string? MetWhom, string? Note = null, IReadOnlyList<FoundNeed>? Needs = null, IReadOnlyList<string>? Photos = null);

public sealed record RecordedVisit(int Id, IReadOnlyList<int> NeedIds);

/// <summary>Everything is checked before anything is stored, and the visit and its needs are saved together or not at all.</summary>
public sealed class RecordVisitHandler(CivicGridDbContext db)
{
    public const int MaxNeeds = 10;
    public const int MaxPhotos = 9;

    public async Task<Outcome<RecordedVisit>> HandleAsync(RecordVisit command, CancellationToken ct)
    {
        var role = db.Jurisdiction.Role;
        if (!role.May(Permission.SweepBuildings) || db.Jurisdiction.UserId is not { } runner)
        {
            return Outcome<RecordedVisit>.Forbidden(SweepScope.Refusal);
        }
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == command.EnterpriseId, ct);
        if (enterprise is null)
        {
            return Outcome<RecordedVisit>.Invalid("enterpriseId", "找不到该企业，或该企业不在您的管辖范围内");
        }
        var assignments = await db.RunnerAssignments.AsNoTracking().Where(a => a.RunnerId == runner && a.BuildingId == command.BuildingId).ToListAsync(ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var request = new VisitRequest(command.EnterpriseId, command.BuildingId, command.MetWhom ?? "", command.Note) { Photos = command.Photos ?? [] };
        var (visit, refusal) = EnterpriseVisit.Record(request, runner, enterprise, assignments, now);
        if (visit is null)
        {
            return Outcome<RecordedVisit>.Invalid(FieldOf(refusal!), refusal!);
        }
        var problems = await NeedProblemsAsync(command, role, now, ct) ?? await PhotoProblemAsync(request.Photos, ct);
        if (problems is not null)
        {
            return Outcome<RecordedVisit>.Invalid(problems);
        }
        return Outcome<RecordedVisit>.Ok(await SaveAsync(visit, command, role, now, ct));
    }

    private async Task<RecordedVisit> SaveAsync(EnterpriseVisit visit, RecordVisit command, StaffRole role, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.EnterpriseVisits.Add(visit);
        await db.SaveChangesAsync(ct);
        var categories = await CategoriesAsync(ct);
        var needs = Needs(command).Select(n => EnterpriseNeed.Raise(Request(command, n, role, visit.Id), categories.GetValueOrDefault(n.CategoryCode ?? ""), db.Jurisdiction.ActorName, now).Need!).ToList();
        db.EnterpriseNeeds.AddRange(needs);
        // Linked to the visit, so those who see the visit see its photos, and a photo goes with one visit only.
        var photos = visit.Photos;
        foreach (var photo in await db.CaseAttachments.Where(a => photos.Contains(a.Id)).ToListAsync(ct))
        {
            photo.VisitId = visit.Id;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new RecordedVisit(visit.Id, needs.Select(n => n.Id).ToList());
    }

    /// <summary>Each need is checked as the list checks a need raised by hand; the first refusal of each is named by its place in the form.</summary>
    private async Task<FieldErrors?> NeedProblemsAsync(RecordVisit command, StaffRole role, DateTime now, CancellationToken ct)
    {
        var needs = Needs(command);
        if (needs.Count == 0)
        {
            return null;
        }
        if (!role.May(NeedAction.Raise))
        {
            return new FieldErrors { ["needs"] = [NeedPermissions.Refusal] };
        }
        if (needs.Count > MaxNeeds)
        {
            return new FieldErrors { ["needs"] = [$"一次走访最多登记 {MaxNeeds} 项需求"] };
        }
        var categories = await CategoriesAsync(ct);
        var errors = new FieldErrors();
        // Named by the row of the form, blank rows counted, so the error sits where the runner typed.
        foreach (var (need, i) in (command.Needs ?? []).Select((n, i) => (n, i)).Where(x => needs.Contains(x.n)))
        {
            var (_, refusal) = EnterpriseNeed.Raise(Request(command, need, role, null), categories.GetValueOrDefault(need.CategoryCode ?? ""), db.Jurisdiction.ActorName, now);
            if (refusal is not null)
            {
                errors[$"needs[{i}].{refusal.Field}"] = [$"第 {i + 1} 项需求：{refusal.Reason}"];
            }
        }
        return errors.Count == 0 ? null : errors;
    }

    private async Task<FieldErrors?> PhotoProblemAsync(IReadOnlyList<string> photos, CancellationToken ct)
    {
        if (photos.Count == 0)
        {
            return null;
        }
        if (photos.Count > MaxPhotos)
        {
            return new FieldErrors { ["photos"] = [$"照片不超过 {MaxPhotos} 张"] };
        }
        var actor = db.Jurisdiction.ActorName;
        var ids = photos.Where(p => p is not null).Distinct().ToList();
        var found = await db.CaseAttachments.CountAsync(a => ids.Contains(a.Id) && a.CaseId == null && a.VisitId == null && a.ProgressId == null && a.UploadedBy == actor, ct);
        return found == ids.Count && ids.Count == photos.Count ? null : new FieldErrors { ["photos"] = ["照片不存在，请重新上传"] };
    }

    /// <summary>Blank rows of the form (neither category nor text) are not needs.</summary>
    private static List<FoundNeed> Needs(RecordVisit command) =>
        (command.Needs ?? []).Where(n => n is not null && (!string.IsNullOrWhiteSpace(n.CategoryCode) || !string.IsNullOrWhiteSpace(n.Description))).ToList();

    private static NeedRequest Request(RecordVisit command, FoundNeed need, StaffRole role, int? visitId) =>
        new(command.EnterpriseId, need.CategoryCode ?? "", need.Description ?? "", role.SourceFor(NeedSource.Visit)) { VisitId = visitId };

    private Task<Dictionary<string, NeedCategory>> CategoriesAsync(CancellationToken ct) =>
        db.NeedCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, ct);

    private static string FieldOf(string refusal) => refusal switch
    {
        _ when refusal.Contains("楼宇未分配", StringComparison.Ordinal) => "buildingId",
        _ when refusal.Contains("不在此楼宇", StringComparison.Ordinal) => "enterpriseId",
        _ when refusal.Contains("走访对象", StringComparison.Ordinal) => "metWhom",
        _ => "note",
    };
}
