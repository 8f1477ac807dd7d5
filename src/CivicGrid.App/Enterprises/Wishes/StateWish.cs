using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Enterprises.Wishes;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Wishes;

/// <summary>An employee's wish for their building (职工所盼), from the public form: no account, nothing identifying.</summary>
public sealed record StateWish(int? BuildingId, string? ThemeCode, string? Text = null);

public sealed record StatedWish(long Id);

public sealed class StateWishHandler(CivicGridDbContext db)
{
    public async Task<Outcome<StatedWish>> HandleAsync(StateWish command, CancellationToken ct)
    {
        // The form is public, so the building is looked up on the public map, not through a jurisdiction.
        if (command.BuildingId is not { } building || !await db.PublicGeography().Buildings.AnyAsync(b => b.Id == building, ct))
        {
            return Outcome<StatedWish>.Invalid("buildingId", "请选择所在楼宇");
        }
        var themes = await db.WishThemes.AsNoTracking().ToListAsync(ct);
        var (wish, refusal) = EmployeeWish.Make(building, command.ThemeCode ?? "", command.Text, themes, db.Clock.GetUtcNow().UtcDateTime);
        if (wish is null)
        {
            return Outcome<StatedWish>.Invalid(refusal!.Field, refusal.Reason);
        }
        db.EmployeeWishes.Add(wish);
        await db.SaveChangesAsync(ct);
        return Outcome<StatedWish>.Ok(new StatedWish(wish.Id));
    }
}
