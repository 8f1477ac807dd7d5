using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Alignment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Alignment;

/// <summary>
/// The enterprises of the jurisdiction found with registered and office addresses that differ (注册地与办公地不一致),
/// with where their follow-up stands; a firm once followed up stays on the list after it aligned.
/// </summary>
public sealed record ListMisaligned(
    AlignmentStatus? Status = null, int? BusinessCommunityId = null, string? Search = null, int PageNumber = 1, int PageSize = 20);

public sealed record MisalignedFirm(
    int EnterpriseId, string Name, string CreditCode, string RegisteredAddress, string OfficeAddress, AlignmentStatus Status,
    string? Reason, DateTime? UpdatedAt);

public sealed class ListMisalignedHandler(CivicGridDbContext db)
{
    public async Task<Page<MisalignedFirm>> HandleAsync(ListMisaligned query, CancellationToken ct)
    {
        var size = Page<MisalignedFirm>.Clamp(query.PageSize);
        var number = Math.Max(1, query.PageNumber);
        if (!db.Jurisdiction.Role.MaySee())
        {
            return new Page<MisalignedFirm>([], number, size, 0);
        }
        var found = Found(db);
        if (query.Status is { } status)
        {
            found = status == AlignmentStatus.ToContact
                ? found.Where(x => x.FollowUp == null || x.FollowUp.Status == status)
                : found.Where(x => x.FollowUp != null && x.FollowUp.Status == status);
        }
        if (query.BusinessCommunityId is { } community)
        {
            found = found.Where(x => db.Buildings.Any(b => b.Id == x.Firm.BuildingId && b.BusinessCommunityId == community));
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            var code = text.ToUpperInvariant();
            found = found.Where(x => x.Firm.Name.Contains(text) || x.Firm.CreditCode == code);
        }
        var total = await found.CountAsync(ct);
        var rows = await found.OrderBy(x => x.FollowUp == null ? 0 : 1).ThenBy(x => x.Firm.Name).ThenBy(x => x.Firm.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(x => new MisalignedFirm(x.Firm.Id, x.Firm.Name, x.Firm.CreditCode, x.Firm.RegisteredAddress, x.Firm.OfficeAddress,
                x.FollowUp == null ? AlignmentStatus.ToContact : x.FollowUp.Status, x.FollowUp == null ? null : x.FollowUp.Reason,
                x.FollowUp == null ? null : x.FollowUp.UpdatedAt))
            .ToListAsync(ct);
        return new Page<MisalignedFirm>(rows, number, size, total);
    }

    /// <summary>The firms whose addresses differ now or that were followed up, each with its follow-up if any.</summary>
    internal static IQueryable<FoundFirm> Found(CivicGridDbContext db) =>
        from e in db.Enterprises.AsNoTracking()
        from f in db.Set<AlignmentFollowUp>().AsNoTracking().Where(f => f.EnterpriseId == e.Id).DefaultIfEmpty()
        where e.RegisteredAddress != e.OfficeAddress || f != null
        select new FoundFirm { Firm = e, FollowUp = f };
}

internal sealed class FoundFirm
{
    public required Enterprise Firm { get; init; }
    public AlignmentFollowUp? FollowUp { get; init; }
}
