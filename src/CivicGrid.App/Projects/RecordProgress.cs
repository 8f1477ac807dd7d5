using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Projects;

/// <summary>
/// A cadre records a month of a project on site (项目进度): investment done, a stage reached (the same move as
/// <see cref="MoveProject"/>, in the same transaction), a note and photos already uploaded to the attachment store.
/// An implausible investment comes back as a warning under "confirmed" until the cadre confirms it.
/// </summary>
public sealed record RecordProgress(int ProjectId, ProgressRequest Request);

public sealed class RecordProgressHandler(CivicGridDbContext db)
{
    /// <summary>The field a warning to confirm comes back under.</summary>
    public const string ConfirmField = "confirmed";

    public async Task<Outcome<int>> HandleAsync(RecordProgress command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.MayFollow())
        {
            return Outcome<int>.Forbidden(ProjectPermissions.Refusal);
        }
        var (project, missing) = await ProjectsInScope.FindAsync<int>(db, command.ProjectId, ct);
        if (project is null)
        {
            return missing!;
        }
        var r = command.Request with { ProjectId = project.Id };
        if (await PhotoProblemAsync(r.Photos, ct) is { } photoProblem)
        {
            return Outcome<int>.Invalid("photos", photoProblem);
        }
        var soFar = await SoFarAsync(project.Id, r.Month, ct);
        var yearPlan = await db.ProjectYearPlans.Where(y => y.ProjectId == project.Id && y.Year == r.Month.Year).Select(y => (Money?)y.Planned).FirstOrDefaultAsync(ct);
        var today = db.Clock.Today();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var (progress, verdict) = ProjectProgress.Record(r, project, soFar, yearPlan, db.Jurisdiction.ActorName, today, now);
        if (verdict is not null)
        {
            return Outcome<int>.Invalid(verdict.NeedsConfirmation ? ConfirmField : "", verdict.Refusal ?? verdict.Warning!);
        }
        if (r.StageReached is { } stage
            && project.Apply(new ProjectCommand(ProjectAction.ReachStage, db.Jurisdiction.ActorName, r.Note) { Stage = stage, On = r.StageReachedOn }, today, now) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return Outcome<int>.Invalid("stageReached", refusal);
        }
        try
        {
            await SaveAsync(progress!, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<int>.Invalid("", MoveProjectHandler.Conflict);
        }
        return Outcome<int>.Ok(progress!.Id);
    }

    /// <summary>The record, the stage reached and the photos' link to the record commit together or not at all.</summary>
    private async Task SaveAsync(ProjectProgress progress, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ProjectProgress.Add(progress);
        await db.SaveChangesAsync(ct);
        // Linked to the record, so those who see the project see its photos, and a photo goes with one record only.
        var photos = progress.Photos;
        foreach (var photo in await db.CaseAttachments.Where(a => photos.Contains(a.Id)).ToListAsync(ct))
        {
            photo.ProgressId = progress.Id;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Photos are at most <see cref="ProgressRequest.MaxPhotos"/> of the caller's own uploads not yet kept with a case, a
    /// visit or another record, as a runner's visit takes them.
    /// </summary>
    private async Task<string?> PhotoProblemAsync(IReadOnlyList<string> photos, CancellationToken ct)
    {
        if (photos.Count == 0)
        {
            return null;
        }
        if (photos.Count > ProgressRequest.MaxPhotos)
        {
            return $"照片最多 {ProgressRequest.MaxPhotos} 张";
        }
        var actor = db.Jurisdiction.ActorName;
        var ids = photos.Where(p => p is not null).Distinct().ToList();
        var found = ids.Count == photos.Count
            ? await db.CaseAttachments.CountAsync(a => ids.Contains(a.Id) && a.CaseId == null && a.VisitId == null && a.ProgressId == null && a.UploadedBy == actor, ct)
            : -1;
        return found == ids.Count ? null : "照片不存在，请重新上传";
    }

    private async Task<ProgressSoFar> SoFarAsync(int projectId, DateOnly month, CancellationToken ct)
    {
        var rows = await db.ProjectProgress.AsNoTracking().Where(x => x.ProjectId == projectId).Select(x => new { x.Month, x.InvestmentDone }).ToListAsync(ct);
        return new ProgressSoFar(
            rows.Aggregate(Money.Zero, (s, x) => s + x.InvestmentDone),
            rows.Where(x => x.Month == month).Aggregate(Money.Zero, (s, x) => s + x.InvestmentDone));
    }
}
