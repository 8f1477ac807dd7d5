using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises.Alignment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Alignment;

/// <summary>
/// Records a step of a firm's follow-up (跟进). The first step opens the follow-up, for a firm whose addresses differ;
/// confirming it aligned makes its registered address its office address, where it now registers.
/// </summary>
public sealed record FollowUpAlignment(int EnterpriseId, AlignmentAction Action, string? Note = null);

public sealed class FollowUpAlignmentHandler(CivicGridDbContext db)
{
    public const string Conflict = "该企业的跟进记录刚被他人更新，本次操作未保存，请刷新后重试";

    public async Task<Outcome<AlignmentView>> HandleAsync(FollowUpAlignment command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.MayFollowUp())
        {
            return Outcome<AlignmentView>.Forbidden(AlignmentPermissions.Refusal);
        }
        var firm = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == command.EnterpriseId, ct);
        if (firm is null)
        {
            return Outcome<AlignmentView>.NotFound();
        }
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var followUp = await db.AlignmentFollowUps.Include(f => f.Steps).FirstOrDefaultAsync(f => f.EnterpriseId == firm.Id, ct);
        if (followUp is null && firm.AddressesAligned)
        {
            return Outcome<AlignmentView>.Invalid("", "该企业注册地与办公地一致，无需跟进");
        }
        followUp ??= db.AlignmentFollowUps.Add(AlignmentFollowUp.Start(firm.Id, now)).Entity;
        if (followUp.Apply(command.Action, db.Jurisdiction.ActorName, command.Note, now) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return Outcome<AlignmentView>.Invalid("", refusal);
        }
        if (followUp.Status == AlignmentStatus.Aligned)
        {
            firm.RegisteredAddress = firm.OfficeAddress;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A version that moved, or a first step racing another for the same firm (the unique index).
            db.ChangeTracker.Clear();
            return Outcome<AlignmentView>.Invalid("", Conflict);
        }
        return Outcome<AlignmentView>.Ok(AlignmentView.Of(firm, followUp, db.Jurisdiction.Role));
    }
}
