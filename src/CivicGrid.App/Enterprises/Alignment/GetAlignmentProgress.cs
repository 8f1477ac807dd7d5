using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises.Alignment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Alignment;

/// <summary>Address alignment per business community of the jurisdiction (注册地与办公地一致推进情况), and the total.</summary>
public sealed record GetAlignmentProgress;

/// <summary>Firms found differing, and how many of them are still to contact, in progress, aligned, or cannot align.</summary>
public sealed record AlignmentProgress(int? BusinessCommunityId, string Name, int Found, int ToContact, int InProgress, int Aligned, int CannotAlign)
{
    public double? AlignedShare => Found == 0 ? null : (double)Aligned / Found;
}

public sealed record AlignmentProgressReport(IReadOnlyList<AlignmentProgress> Communities, AlignmentProgress Total);

public sealed class GetAlignmentProgressHandler(CivicGridDbContext db)
{
    public async Task<AlignmentProgressReport> HandleAsync(GetAlignmentProgress query, CancellationToken ct)
    {
        var communities = await db.BusinessCommunities.AsNoTracking().OrderBy(c => c.StreetCode).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var counts = await Query(db).ToListAsync(ct);
        var rows = communities.Select(c => Progress(c.Id, c.Name, counts.Where(x => x.Community == c.Id))).ToList();
        var known = communities.Select(c => c.Id).ToHashSet();
        return new AlignmentProgressReport(rows, Progress(null, "合计", counts.Where(x => known.Contains(x.Community))));
    }

    /// <summary>
    /// One grouped query: the found firms in business communities' buildings, by community and follow-up status (none: to
    /// contact). A handful of rows per community come back, but the enterprises' two addresses are compared row by row
    /// (district: 30,000 rows, about 22 ms warm on PostgreSQL against 9 ms for the dashboard's count of the same
    /// enterprises by community, which reads an index alone), so the dashboard's figures do not include it.
    /// </summary>
    private static IQueryable<AlignmentCount> Query(CivicGridDbContext db) =>
        ListMisalignedHandler.Found(db)
            .Join(db.Buildings.Where(b => b.BusinessCommunityId != null), x => x.Firm.BuildingId, b => (int?)b.Id,
                (x, b) => new { Community = b.BusinessCommunityId!.Value, Status = x.FollowUp == null ? AlignmentStatus.ToContact : x.FollowUp.Status })
            .GroupBy(x => new { x.Community, x.Status })
            .Select(g => new AlignmentCount(g.Key.Community, g.Key.Status, g.Count()));

    internal static AlignmentProgress Progress(int? id, string name, IEnumerable<AlignmentCount> counts)
    {
        var list = counts.ToList();
        int Count(params AlignmentStatus[] statuses) => list.Where(c => statuses.Contains(c.Status)).Sum(c => c.Count);
        return new AlignmentProgress(id, name, Count(Enum.GetValues<AlignmentStatus>()), Count(AlignmentStatus.ToContact),
            Count(AlignmentStatus.Contacted, AlignmentStatus.Aligning), Count(AlignmentStatus.Aligned), Count(AlignmentStatus.CannotAlign));
    }
}

internal sealed record AlignmentCount(int Community, AlignmentStatus Status, int Count);
