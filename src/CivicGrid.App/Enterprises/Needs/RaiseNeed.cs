using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Needs;

/// <summary>Puts an enterprise's need on the list (提出需求), for an enterprise in the actor's jurisdiction.</summary>
public sealed record RaiseNeed(
    int EnterpriseId, string CategoryCode, string Description, NeedSource Source = NeedSource.Staff,
    Money? Amount = null, int Quantity = 1, int? BuildingId = null, int? VisitId = null);

public sealed class RaiseNeedHandler(CivicGridDbContext db)
{
    public async Task<Outcome<NeedRow>> HandleAsync(RaiseNeed command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(NeedAction.Raise))
        {
            return Outcome<NeedRow>.Forbidden(NeedPermissions.Refusal);
        }
        if (!await db.Enterprises.AnyAsync(e => e.Id == command.EnterpriseId, ct))
        {
            return Outcome<NeedRow>.Invalid("enterpriseId", "找不到该企业，或该企业不在您的管辖范围内");
        }
        if (command.BuildingId is { } building && !await db.PublicGeography().Buildings.AnyAsync(b => b.Id == building, ct))
        {
            return Outcome<NeedRow>.Invalid("buildingId", "找不到该楼宇");
        }
        var category = await db.NeedCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == command.CategoryCode, ct);
        var request = new NeedRequest(command.EnterpriseId, command.CategoryCode, command.Description ?? "", db.Jurisdiction.Role.SourceFor(command.Source))
        {
            Amount = command.Amount, Quantity = command.Quantity, BuildingId = command.BuildingId, VisitId = command.VisitId,
        };
        var (need, refusal) = EnterpriseNeed.Raise(request, category, db.Jurisdiction.ActorName, db.Clock.GetUtcNow().UtcDateTime);
        if (need is null)
        {
            return Outcome<NeedRow>.Invalid(refusal!.Field, refusal.Reason);
        }
        db.EnterpriseNeeds.Add(need);
        await db.SaveChangesAsync(ct);
        return Outcome<NeedRow>.Ok(NeedRow.From(need));
    }
}
