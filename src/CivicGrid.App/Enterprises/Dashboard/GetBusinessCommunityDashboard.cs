using CivicGrid.App.Data;
using CivicGrid.App.Enterprises.Offers;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Enterprises.Sweeps;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Dashboard;

/// <summary>The officials' figures per business community in the jurisdiction (商务社区工作看板), and their total.</summary>
public sealed record GetBusinessCommunityDashboard;

/// <summary>
/// Counts are grouped in SQL (a few rows per community come back, never the needs or wishes themselves), but for the
/// resolved needs' two dates, kept for the median, which neither engine computes alike. Money is summed here from
/// the lines and loans, which are few, since a converted value has no SQL sum. The filters keep it to the jurisdiction.
/// </summary>
public sealed class GetBusinessCommunityDashboardHandler(CivicGridDbContext db, SweepPolicy policy)
{
    public async Task<BusinessCommunityDashboard> HandleAsync(GetBusinessCommunityDashboard query, CancellationToken ct)
    {
        var communities = await db.BusinessCommunities.AsNoTracking().OrderBy(c => c.StreetCode).ThenBy(c => c.Name)
            .Select(c => new DashboardCommunity(c.Id, c.Name, c.StreetCode)).ToListAsync(ct);
        var enterprises = await db.Enterprises.Join(Offices(), e => e.BuildingId, b => b.Id, (e, b) => new { b.Community, e.IsKeyTaxSource })
            .GroupBy(e => e.Community)
            .Select(g => new { Community = g.Key, Count = g.Count(), KeyTax = g.Count(e => e.IsKeyTaxSource) })
            .ToDictionaryAsync(g => g.Community, g => new EnterpriseFigures(g.Count, g.KeyTax), ct);
        var figures = new DashboardFigures(communities, enterprises)
        {
            States = await StatesAsync(ct),
            Wishes = await WishesAsync(ct),
            Lines = await OffersInScope.Of(db).AsNoTracking().Where(o => o.CreditLine != null)
                .Select(o => new CreditLineUse(o.BusinessCommunityId, o.CreditLine, o.CreditTaken)).ToListAsync(ct),
            Loans = await LoansAsync(ct),
            CategoryNames = await db.NeedCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct),
            ThemeNames = await db.WishThemes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct),
            Sweeps = await new SweepCounts(db, policy, Offices()).PerCommunityAsync(ct),
        };
        var dashboard = figures.Dashboard();
        // One count on the key-tax flag's index: the firms in communities are the total row's, counted above.
        var keyTax = await db.Enterprises.CountAsync(e => e.IsKeyTaxSource, ct);
        return dashboard with { KeyTaxReach = new KeyTaxReach(dashboard.Total.Enterprises.KeyTaxSources, keyTax) };
    }

    /// <summary>
    /// The office buildings of business communities. Inner joins to it, not the enterprise's navigation to its building:
    /// SQLite does not flatten the outer join a navigation makes to the filtered buildings.
    /// </summary>
    private IQueryable<Office> Offices() =>
        db.Buildings.Where(b => b.BusinessCommunityId != null).Select(b => new Office { Id = b.Id, Community = b.BusinessCommunityId!.Value });

    /// <summary>The needs of enterprises in a business community, with it.</summary>
    private IQueryable<DashboardNeed> Needs() =>
        db.EnterpriseNeeds.AsNoTracking()
            .Join(db.Enterprises, n => n.EnterpriseId, e => e.Id, (n, e) => new { Need = n, e.BuildingId })
            .Join(Offices(), x => x.BuildingId, b => b.Id, (x, b) => new DashboardNeed
            {
                Community = b.Community, Status = x.Need.Status, CategoryCode = x.Need.CategoryCode,
                MatchedAt = x.Need.MatchedAt, RaisedAt = x.Need.RaisedAt, ResolvedAt = x.Need.ResolvedAt,
            });

    /// <summary>
    /// One pass over the needs gives the counts by state, the open needs by category and the resolved needs' dates: the
    /// dates are in the key only for resolved needs, so each of those is a group of its own and the rest fold together.
    /// </summary>
    private Task<List<StateCount>> StatesAsync(CancellationToken ct) =>
        Needs().GroupBy(n => new
            {
                n.Community, n.Status, Matched = n.MatchedAt != null, n.CategoryCode,
                RaisedAt = n.ResolvedAt != null ? n.RaisedAt : (DateTime?)null, n.ResolvedAt,
            })
            .Select(g => new StateCount(g.Key.Community, g.Key.Status, g.Key.Matched, g.Key.CategoryCode, g.Count(), g.Key.RaisedAt, g.Key.ResolvedAt))
            .ToListAsync(ct);

    private Task<List<KeyCount>> WishesAsync(CancellationToken ct) =>
        db.EmployeeWishes.AsNoTracking().Join(Offices(), w => (int?)w.BuildingId, b => b.Id, (w, b) => new { b.Community, w.ThemeCode })
            .GroupBy(x => new { x.Community, x.ThemeCode })
            .Select(g => new KeyCount(g.Key.Community, g.Key.ThemeCode, g.Count())).ToListAsync(ct);

    /// <summary>The loans granted on credit lines the jurisdiction sees, with the line's community.</summary>
    private Task<List<LoanGranted>> LoansAsync(CancellationToken ct) =>
        db.EnterpriseNeeds.AsNoTracking().Where(n => n.GrantedAmount != null && n.OfferId != null)
            .Join(OffersInScope.Of(db).Where(o => o.CreditLine != null), n => n.OfferId, o => (int?)o.Id,
                (n, o) => new LoanGranted(o.BusinessCommunityId, n.GrantedAmount))
            .ToListAsync(ct);
}

internal sealed class DashboardNeed
{
    public int Community { get; init; }
    public NeedStatus Status { get; init; }
    public string CategoryCode { get; init; } = "";
    public DateTime? MatchedAt { get; init; }
    public DateTime RaisedAt { get; init; }
    public DateTime? ResolvedAt { get; init; }
}

internal sealed class Office
{
    public int? Id { get; init; }
    public int Community { get; init; }
}

internal sealed record DashboardCommunity(int Id, string Name, string StreetCode);

internal sealed record StateCount(int Community, NeedStatus Status, bool Matched, string CategoryCode, int Count, DateTime? RaisedAt, DateTime? ResolvedAt);

internal sealed record KeyCount(int Community, string Code, int Count);

internal sealed record CreditLineUse(int? Community, Money? Line, Money Taken);

internal sealed record LoanGranted(int? Community, Money? Amount);
