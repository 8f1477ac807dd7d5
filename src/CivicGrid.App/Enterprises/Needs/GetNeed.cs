using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Enterprises.Needs;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Needs;

/// <summary>One need with its enterprise, the offer it holds, the case it went to and its timeline, as its page shows it.</summary>
public sealed record GetNeed(int Id);

public sealed record NeedDetail(
    NeedListItem Item, string? OfferName, int? CaseId, CaseStatus? CaseStatus, IReadOnlyList<NeedEvent> Timeline, IReadOnlyList<NeedAction> Actions);

public sealed class GetNeedHandler(CivicGridDbContext db)
{
    public async Task<Outcome<NeedDetail>> HandleAsync(GetNeed query, CancellationToken ct)
    {
        var need = await db.EnterpriseNeeds.AsNoTracking().Include(n => n.Timeline).FirstOrDefaultAsync(n => n.Id == query.Id, ct);
        if (need is null)
        {
            return Outcome<NeedDetail>.NotFound();
        }
        var firm = await db.Enterprises.AsNoTracking().Where(e => e.Id == need.EnterpriseId).Select(e => e.Name).SingleAsync(ct);
        var category = await db.NeedCategories.AsNoTracking().Where(c => c.Code == need.CategoryCode).Select(c => c.Name).SingleAsync(ct);
        var offer = need.OfferId is { } o ? await db.CommunityOffers.AsNoTracking().Where(x => x.Id == o).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var caseStatus = need.CaseId is { } c
            ? await db.NeedCases().Cases.AsNoTracking().Where(x => x.Id == c).Select(x => (CaseStatus?)x.Status).FirstOrDefaultAsync(ct)
            : null;
        var role = db.Jurisdiction.Role;
        var actions = NeedStateMachine.ActionsFrom(need.Status).Where(a => role.May(a)).ToList();
        return Outcome<NeedDetail>.Ok(new NeedDetail(new NeedListItem(NeedRow.From(need), firm, category), offer, need.CaseId, caseStatus,
            need.Timeline.OrderBy(e => e.At).ThenBy(e => e.Id).ToList(), actions));
    }
}
