using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Enterprises.Needs;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Needs;

/// <summary>
/// Sends a need nobody on the list can meet into the case loop (转入诉求办理): a case of the enterprise-service item,
/// placed at the enterprise's building with the enterprise as its contact, dispatched, timed and escalated like any
/// resident's; the need waits as escalated until the case closes (<see cref="SettleEscalatedNeedsHandler"/>).
/// </summary>
public sealed record EscalateNeed(int NeedId, string? Reason);

public sealed class EscalateNeedHandler(CivicGridDbContext db, INeedCaseOpener cases, NeedMover mover)
{
    public async Task<Outcome<NeedRow>> HandleAsync(EscalateNeed command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(NeedAction.Escalate))
        {
            return Outcome<NeedRow>.Forbidden(NeedPermissions.Refusal);
        }
        var need = await db.EnterpriseNeeds.AsNoTracking().FirstOrDefaultAsync(n => n.Id == command.NeedId, ct);
        if (need is null)
        {
            return Outcome<NeedRow>.NotFound();
        }
        // Judged before the case is made, so a refused move leaves no case behind.
        if (NeedStateMachine.Target(need.Status, NeedAction.Escalate) is null)
        {
            return Outcome<NeedRow>.Invalid("", NeedStateMachine.Refusal(need.Status, NeedAction.Escalate));
        }
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return Outcome<NeedRow>.Invalid("reason", "转办须说明无法对接的原因");
        }
        var opened = await cases.OpenAsync(await CaseForAsync(need, command.Reason!.Trim(), ct), ct);
        if (opened.Kind != OutcomeKind.Ok)
        {
            return Outcome<NeedRow>.Invalid("", "生成诉求件失败：" + string.Join("；", opened.Errors.Values.SelectMany(v => v)));
        }
        return await mover.MoveAsync(need.Id, null,
            new NeedCommand(NeedAction.Escalate, db.Jurisdiction.ActorName, command.Reason) { CaseId = opened.Value }, ct);
    }

    private async Task<NeedCaseRequest> CaseForAsync(EnterpriseNeed need, string reason, CancellationToken ct)
    {
        var firm = await db.Enterprises.AsNoTracking().Where(e => e.Id == need.EnterpriseId)
            .Select(e => new { e.Name, e.OfficeAddress, e.BuildingId }).SingleAsync(ct);
        var category = await db.NeedCategories.AsNoTracking().Where(c => c.Code == need.CategoryCode).Select(c => c.Name).SingleAsync(ct);
        var buildingId = need.BuildingId ?? firm.BuildingId;
        var building = buildingId is { } id
            ? await db.PublicGeography().Buildings.AsNoTracking().Where(b => b.Id == id).Select(b => new { b.Latitude, b.Longitude }).FirstOrDefaultAsync(ct)
            : null;
        var description = $"【企业需求转办】{firm.Name}：{category}。{need.Description}（无法对接的原因：{reason}）";
        return new NeedCaseRequest(description, building?.Latitude, building?.Longitude, firm.OfficeAddress, firm.Name);
    }
}
