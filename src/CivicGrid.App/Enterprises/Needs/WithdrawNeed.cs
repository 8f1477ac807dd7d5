using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises.Needs;

namespace CivicGrid.App.Enterprises.Needs;

/// <summary>Withdraws a raised or matched need (撤回需求), giving any hold back to its offer.</summary>
public sealed record WithdrawNeed(int NeedId, string? Reason = null);

public sealed class WithdrawNeedHandler(NeedMover mover, CivicGridDbContext db)
{
    public Task<Outcome<NeedRow>> HandleAsync(WithdrawNeed command, CancellationToken ct) =>
        mover.MoveAsync(command.NeedId, null, new NeedCommand(NeedAction.Withdraw, db.Jurisdiction.ActorName, command.Reason), ct);
}
