using CivicGrid.App.Data;
using CivicGrid.App.Data.Replica;
using CivicGrid.App.Data.Scopes;
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
/// The enterprises' side (their counts, the sweeps, the wishes) runs on the reports' context (<see cref="ReportingReads"/>)
/// while the needs' side runs on the request's: each is a few scans of its own tables, and together they took the
/// dashboard over 200 ms at district scale one after the other.
/// </summary>
public sealed class GetBusinessCommunityDashboardHandler(CivicGridDbContext db, ReportingReads reads, SweepPolicy policy)
{
    public async Task<BusinessCommunityDashboard> HandleAsync(GetBusinessCommunityDashboard query, CancellationToken ct)
    {
        var read = await reads.DbAsync(ct);
        // On a thread of its own: SQLite's driver answers "async" calls synchronously, which would run the sides in turn.
        var enterpriseSide = Task.Run(() => EnterpriseSideAsync(read, ct), ct);
        var needSide = NeedSideAsync(ct);
        // Both finish before either context is disposed, also when one fails.
        await Task.WhenAll(enterpriseSide, needSide);
        var (perCommunity, wishes, keyTax) = await enterpriseSide;
        var needs = await needSide;
        var figures = new DashboardFigures(needs.Communities, perCommunity)
        {
            States = needs.States, Wishes = wishes, Lines = needs.Lines, Loans = needs.Loans,
            CategoryNames = needs.CategoryNames, ThemeNames = needs.ThemeNames,
        };
        var dashboard = figures.Dashboard();
        return dashboard with { KeyTaxReach = new KeyTaxReach(dashboard.Total.Enterprises.KeyTaxSources, keyTax) };
    }

    private sealed record NeedSide(
        List<DashboardCommunity> Communities, List<StateCount> States, List<CreditLineUse> Lines, List<LoanGranted> Loans,
        Dictionary<string, string> CategoryNames, Dictionary<string, string> ThemeNames);

    /// <summary>The communities, the needs by state, the credit lines and loans, and the names of codes, on the request's context.</summary>
    private async Task<NeedSide> NeedSideAsync(CancellationToken ct)
    {
        var communities = await db.BusinessCommunities.AsNoTracking().OrderBy(c => c.StreetCode).ThenBy(c => c.Name)
            .Select(c => new DashboardCommunity(c.Id, c.Name, c.StreetCode)).ToListAsync(ct);
        var states = await StatesAsync(ct);
        var lines = await OffersInScope.Of(db).AsNoTracking().Where(o => o.CreditLine != null)
            .Select(o => new CreditLineUse(o.BusinessCommunityId, o.CreditLine, o.CreditTaken)).ToListAsync(ct);
        var loans = await LoansAsync(ct);
        var categoryNames = await db.NeedCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var themeNames = await db.WishThemes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        return new NeedSide(communities, states, lines, loans, categoryNames, themeNames);
    }

    /// <summary>
    /// The enterprises and sweeps per community, the wishes, and the jurisdiction's key tax-paying enterprises (one count
    /// on the key-tax flag's index: the firms in communities are the total row's).
    /// </summary>
    private async Task<(Dictionary<int, CommunityEnterprises>, List<KeyCount>, int)> EnterpriseSideAsync(CivicGridDbContext read, CancellationToken ct)
    {
        var perCommunity = await new SweepCounts(read, policy, Offices(read)).PerCommunityAsync(ct);
        var wishes = await WishesAsync(read, ct);
        var keyTax = await read.Enterprises.CountAsync(e => e.IsKeyTaxSource, ct);
        return (perCommunity, wishes, keyTax);
    }

    /// <summary>
    /// The office buildings of business communities. Inner joins to it, not the enterprise's navigation to its building:
    /// SQLite does not flatten the outer join a navigation makes to the filtered buildings.
    /// </summary>
    private static IQueryable<Office> Offices(CivicGridDbContext db) =>
        db.Buildings.Where(b => b.BusinessCommunityId != null).Select(b => new Office { Id = b.Id, Community = b.BusinessCommunityId!.Value });

    /// <summary>The needs of enterprises in a business community, with it.</summary>
    private IQueryable<DashboardNeed> Needs() =>
        db.NeedsWithBuilding().Needs.AsNoTracking()
            .Join(Offices(db), x => x.BuildingId, b => b.Id, (x, b) => new DashboardNeed
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

    private static Task<List<KeyCount>> WishesAsync(CivicGridDbContext read, CancellationToken ct) =>
        read.EmployeeWishes.AsNoTracking().Join(Offices(read), w => (int?)w.BuildingId, b => b.Id, (w, b) => new { b.Community, w.ThemeCode })
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
