using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Assessment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Assessment;

/// <summary>
/// Creates or edits a scheme. A changed definition becomes a new draft version; <see cref="Publish"/> makes the newest
/// version the one reviews are run with. Every mistake is named by its field, and nothing is saved while there is one;
/// publishing also refuses an indicator that has no source of figures yet.
/// </summary>
public sealed record SaveScheme(int? Id, AssessmentScheme? Definition, bool Publish);

public sealed record SchemeSaved(int SchemeId, int Version, bool Published);

public sealed class SaveSchemeHandler(CivicGridDbContext db)
{
    public async Task<Outcome<SchemeSaved>> HandleAsync(SaveScheme command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return Outcome<SchemeSaved>.Forbidden("只有区管理员可以维护考核方案");
        }
        if (command.Definition is not { } definition)
        {
            return Outcome<SchemeSaved>.Invalid("definition", "请填写考核方案");
        }
        definition = definition with { Name = definition.Name?.Trim() ?? "", Items = definition.Items ?? [], StarMinimums = definition.StarMinimums ?? [], Colours = definition.Colours ?? [] };
        var scheme = command.Id is { } id
            ? await db.AssessmentSchemes.Include(s => s.Versions).FirstOrDefaultAsync(s => s.Id == id, ct)
            : new StoredScheme { Name = "" };
        if (scheme is null)
        {
            return Outcome<SchemeSaved>.NotFound();
        }
        var errors = Refusals(definition, command.Publish);
        if (errors.Count > 0)
        {
            return Outcome<SchemeSaved>.Invalid(errors);
        }
        var version = AddVersion(scheme, definition, command.Publish);
        if (scheme.Id == 0)
        {
            db.AssessmentSchemes.Add(scheme);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<SchemeSaved>.Ok(new SchemeSaved(scheme.Id, version.Version, version.PublishedAt is not null));
    }

    public static FieldErrors Refusals(AssessmentScheme definition, bool publish)
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(definition.Level))
        {
            errors.Add("level", "请选择考核对象（社区、村或街道）");
        }
        foreach (var refusal in SchemeCheck.Refusals(definition))
        {
            errors.Add(refusal.Field, refusal.Reason);
        }
        if (publish)
        {
            for (var i = 0; i < definition.Items.Count; i++)
            {
                if (AssessmentFigures.SourceRefusal(definition.Items[i].IndicatorKey) is { } reason)
                {
                    errors.Add($"items[{i}]", $"第{i + 1}项{reason}");
                }
            }
        }
        return errors;
    }

    private SchemeVersion AddVersion(StoredScheme scheme, AssessmentScheme definition, bool publish)
    {
        var text = SchemeJson.Write(definition);
        var latest = scheme.Versions.MaxBy(v => v.Version);
        var at = db.Clock.GetUtcNow().UtcDateTime;
        if (latest is null || latest.Definition != text)
        {
            latest = new SchemeVersion { Version = (latest?.Version ?? 0) + 1, Definition = text, Author = db.Jurisdiction.ActorName, CreatedAt = at };
            scheme.Versions.Add(latest);
        }
        (scheme.Name, scheme.Level) = (definition.Name, definition.Level);
        if (publish)
        {
            latest.PublishedAt ??= at;
            scheme.PublishedVersion = latest.Version;
        }
        return latest;
    }
}
