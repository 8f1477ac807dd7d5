using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Accounts.SignUp;

/// <summary>The signed-in resident's own sign-up, if they signed up on their phone: whether it still waits for a grid worker.</summary>
public sealed record MySignUp;

public sealed record MySignUpView(SignUpStatus Status, string PhoneMasked);

/// <summary>The communities a resident chooses from when signing up.</summary>
public sealed record SignUpCommunity(string Code, string Name, string StreetName);

public sealed class MySignUpHandler(CivicGridDbContext db)
{
    public async Task<MySignUpView?> HandleAsync(MySignUp query, CancellationToken ct) => db.Jurisdiction.UserId is { } userId
        ? await db.Set<ResidentSignUp>().Where(s => s.UserId == userId).Select(s => new MySignUpView(s.Status, s.PhoneMasked)).FirstOrDefaultAsync(ct)
        : null;

    public async Task<IReadOnlyList<SignUpCommunity>> CommunitiesAsync(CancellationToken ct)
    {
        var nodes = await db.PublicGeography().TerritoryNodes.AsNoTracking()
            .Where(n => n.Level == TerritoryLevel.Street || n.Level == TerritoryLevel.Community).OrderBy(n => n.Code)
            .Select(n => new { n.Code, n.Name, n.Level, n.ParentCode }).ToListAsync(ct);
        var streets = nodes.Where(n => n.Level == TerritoryLevel.Street).ToDictionary(n => n.Code, n => n.Name);
        return [.. nodes.Where(n => n.Level == TerritoryLevel.Community).Select(n => new SignUpCommunity(n.Code, n.Name, streets.GetValueOrDefault(n.ParentCode ?? "", "")))];
    }
}
