using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Assessment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Assessment;

/// <summary>The schemes, with the version that counts and the newest draft; and one scheme with its versions.</summary>
public sealed record ListSchemes;

public sealed record SchemeRow(int Id, string Name, AssessedLevel Level, int? PublishedVersion, int LatestVersion);

public sealed record GetScheme(int Id);

public sealed record SchemeVersionRow(int Id, int Version, string Author, DateTime CreatedAt, DateTime? PublishedAt);

public sealed record SchemeView(int Id, string Name, AssessedLevel Level, int? PublishedVersion, AssessmentScheme Latest, int LatestVersion,
    IReadOnlyList<SchemeVersionRow> Versions, bool MayEdit);

public sealed class ListSchemesHandler(CivicGridDbContext db)
{
    public async Task<Outcome<IReadOnlyList<SchemeRow>>> HandleAsync(ListSchemes query, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.SeeIndicators))
        {
            return Outcome<IReadOnlyList<SchemeRow>>.Forbidden("无权查看考核方案");
        }
        var rows = await db.AssessmentSchemes.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new SchemeRow(s.Id, s.Name, s.Level, s.PublishedVersion, s.Versions.Max(v => v.Version))).ToListAsync(ct);
        return Outcome<IReadOnlyList<SchemeRow>>.Ok(rows);
    }
}

public sealed class GetSchemeHandler(CivicGridDbContext db)
{
    public async Task<Outcome<SchemeView>> HandleAsync(GetScheme query, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.SeeIndicators))
        {
            return Outcome<SchemeView>.Forbidden("无权查看考核方案");
        }
        var scheme = await db.AssessmentSchemes.AsNoTracking().Include(s => s.Versions).FirstOrDefaultAsync(s => s.Id == query.Id, ct);
        if (scheme is null)
        {
            return Outcome<SchemeView>.NotFound();
        }
        var latest = scheme.Versions.MaxBy(v => v.Version)!;
        return Outcome<SchemeView>.Ok(new SchemeView(scheme.Id, scheme.Name, scheme.Level, scheme.PublishedVersion, latest.Scheme(), latest.Version,
            [.. scheme.Versions.OrderByDescending(v => v.Version).Select(v => new SchemeVersionRow(v.Id, v.Version, v.Author, v.CreatedAt, v.PublishedAt))],
            db.Jurisdiction.Role.May(Permission.AdministerDistrict)));
    }
}
