using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Security;
using CivicGrid.Core.People;
using CivicGrid.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Projects;

/// <summary>
/// Registers a project (<paramref name="Id"/> null) or changes its facts (the code, stage and gates stay; gates move
/// through <see cref="MoveProject"/>). Every refusal comes back by field; nothing is saved when there is one.
/// </summary>
public sealed record SaveProject(int? Id, ProjectRequest Request, int? Version = null);

public sealed class SaveProjectHandler(CivicGridDbContext db, PersonalDataProtector protector)
{
    public const string Conflict = "该项目刚被他人更新，本次修改未保存，请刷新后重试";

    public async Task<Outcome<int>> HandleAsync(SaveProject command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.MayKeep())
        {
            return Outcome<int>.Forbidden(ProjectPermissions.Refusal);
        }
        var r = command.Request;
        var errors = new FieldErrors();
        var today = db.Clock.Today();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        MajorProject? project;
        if (command.Id is { } id)
        {
            project = await db.MajorProjects.Include(p => p.YearPlans).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (project is null)
            {
                return Outcome<int>.NotFound();
            }
            if (command.Version is { } version && version != project.Version)
            {
                return Outcome<int>.Invalid("", Conflict);
            }
            foreach (var refusal in project.Revise(r, now))
            {
                errors.Add(ProjectReferences.FieldName(refusal.Field), refusal.Reason);
            }
        }
        else
        {
            (project, var refusals) = MajorProject.Register(r, db.Jurisdiction.ActorName, today, now);
            foreach (var refusal in refusals)
            {
                errors.Add(ProjectReferences.FieldName(refusal.Field), refusal.Reason);
            }
            if (!string.IsNullOrWhiteSpace(r.Code) && await db.DistrictChecks().MajorProjects.AnyAsync(p => p.Code == r.Code.Trim(), ct))
            {
                errors.Add("code", "项目编号已存在");
            }
        }
        (await ProjectReferences.LoadAsync(db, ct)).Check(r, errors);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Outcome<int>.Invalid(errors);
        }
        SetPhone(project!, r.ContactPhone);
        if (command.Id is null)
        {
            db.MajorProjects.Add(project!);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<int>.Invalid("", Conflict);
        }
        return Outcome<int>.Ok(project!.Id);
    }

    /// <summary>An empty phone on an edit keeps the one stored (the form shows it masked, never in clear).</summary>
    private void SetPhone(MajorProject project, string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone) || !PhoneNumber.TryNormalise(phone, out var normalised, out _))
        {
            return;
        }
        project.ContactPhoneCipher = protector.Encrypt(normalised);
        project.ContactPhoneMasked = PersonalDataMask.Phone(normalised);
    }
}
