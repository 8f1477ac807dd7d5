using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Alignment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Alignment;

/// <summary>One firm's addresses and follow-up, as its follow-up form shows it.</summary>
public sealed record GetAlignment(int EnterpriseId);

public sealed record AlignmentView(
    int EnterpriseId, string Name, string CreditCode, string RegisteredAddress, string OfficeAddress, AlignmentStatus Status, string? Reason,
    IReadOnlyList<AlignmentStep> Steps, IReadOnlyList<AlignmentAction> Actions)
{
    public static AlignmentView Of(Enterprise firm, AlignmentFollowUp? f, StaffRole role)
    {
        var status = f?.Status ?? AlignmentStatus.ToContact;
        // A firm that agrees and was never followed up has nothing to follow.
        var actions = role.MayFollowUp() && (f is not null || !firm.AddressesAligned) ? AlignmentStateMachine.ActionsFrom(status).ToList() : [];
        return new(firm.Id, firm.Name, firm.CreditCode, firm.RegisteredAddress, firm.OfficeAddress, status, f?.Reason,
            f?.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).ToList() ?? [], actions);
    }
}

public sealed class GetAlignmentHandler(CivicGridDbContext db)
{
    public async Task<Outcome<AlignmentView>> HandleAsync(GetAlignment query, CancellationToken ct)
    {
        var firm = db.Jurisdiction.Role.MaySee()
            ? await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == query.EnterpriseId, ct)
            : null;
        if (firm is null)
        {
            return Outcome<AlignmentView>.NotFound();
        }
        var followUp = await db.AlignmentFollowUps.AsNoTracking().Include(f => f.Steps).FirstOrDefaultAsync(f => f.EnterpriseId == firm.Id, ct);
        return Outcome<AlignmentView>.Ok(AlignmentView.Of(firm, followUp, db.Jurisdiction.Role));
    }
}
