using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Accounts.SignUp;

/// <summary>The sign-ups in the caller's jurisdiction waiting for a grid worker, each with the registry records of the same name they could be.</summary>
public sealed record ListPendingSignUps;

public sealed record PendingSignUpView(int Id, string Name, string IdNumberMasked, string PhoneMasked, string CommunityName, DateTime CreatedAt, IReadOnlyList<SignUpCandidate> Candidates);

public sealed record SignUpCandidate(int ResidentId, string Name, string IdNumberMasked, string GridCode, bool SameIdNumber);

public sealed class ListPendingSignUpsHandler(CivicGridDbContext db)
{
    public async Task<Outcome<IReadOnlyList<PendingSignUpView>>> HandleAsync(ListPendingSignUps query, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.ManagesPeople())
        {
            return Outcome<IReadOnlyList<PendingSignUpView>>.Forbidden("当前角色无权确认居民账号");
        }
        var pending = await PendingSignUps.Visible(db).AsNoTracking().OrderBy(s => s.CreatedAt).Take(200).ToListAsync(ct);
        var names = pending.Select(p => p.Name).Distinct().ToList();
        var candidates = await db.Residents.AsNoTracking().Where(r => names.Contains(r.Name)).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.IdNumberMasked, r.IdNumberHash, r.GridCode }).Take(1000).ToListAsync(ct);
        var scopes = pending.Select(p => p.ScopeCode).Distinct().ToList();
        var places = await db.PublicGeography().TerritoryNodes.Where(n => scopes.Contains(n.Code)).ToDictionaryAsync(n => n.Code, n => n.Name, ct);
        return Outcome<IReadOnlyList<PendingSignUpView>>.Ok([.. pending.Select(p => new PendingSignUpView(
            p.Id, p.Name, p.IdNumberMasked, p.PhoneMasked, places.GetValueOrDefault(p.ScopeCode, p.ScopeCode), p.CreatedAt,
            [.. candidates.Where(c => c.Name == p.Name).Select(c => new SignUpCandidate(c.Id, c.Name, c.IdNumberMasked, c.GridCode, c.IdNumberHash == p.IdNumberHash))]))]);
    }
}
