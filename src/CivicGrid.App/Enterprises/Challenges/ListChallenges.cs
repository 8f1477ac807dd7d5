using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises.Challenges;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Challenges;

/// <summary>The challenges the actor sees (榜单), newest first; <paramref name="Search"/> looks in the title and the solver's name.</summary>
public sealed record ListChallenges(
    ChallengeStatus? Status = null, int? BusinessCommunityId = null, string? Search = null, int PageNumber = 1, int PageSize = 20);

/// <summary>A challenge on the list with the business community's name.</summary>
public sealed record ChallengeListItem(ChallengeRow Challenge, string? BusinessCommunityName);

public sealed class ListChallengesHandler(CivicGridDbContext db)
{
    public async Task<Page<ChallengeListItem>> HandleAsync(ListChallenges query, CancellationToken ct)
    {
        var size = Page<ChallengeListItem>.Clamp(query.PageSize);
        var number = Math.Max(1, query.PageNumber);
        if (!db.Jurisdiction.Role.MaySee())
        {
            return new Page<ChallengeListItem>([], number, size, 0);
        }
        var challenges = ChallengesInScope.Of(db).AsNoTracking();
        if (query.Status is { } status)
        {
            challenges = challenges.Where(c => c.Status == status);
        }
        if (query.BusinessCommunityId is { } community)
        {
            challenges = challenges.Where(c => c.BusinessCommunityId == community);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            challenges = challenges.Where(c => c.Title.Contains(text) || (c.SolverName != null && c.SolverName.Contains(text)));
        }
        var total = await challenges.CountAsync(ct);
        var rows = await challenges.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var ids = rows.Select(r => r.BusinessCommunityId).OfType<int>().Distinct().ToList();
        // Through the filter a contact reads its own community's name only; others show none.
        var names = await db.BusinessCommunities.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return new Page<ChallengeListItem>(
            rows.Select(r => new ChallengeListItem(ChallengeRow.From(r), r.BusinessCommunityId is { } b ? names.GetValueOrDefault(b) : null)).ToList(),
            number, size, total);
    }
}
