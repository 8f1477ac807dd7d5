using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>
/// A resident backs an open case nearby instead of raising the same one again (附议); once per resident. Only a public
/// case the caller may see can be backed: any public case for a resident (the nearby list shows them), a public case
/// of their own jurisdiction for staff. Every other id answers 404, so ids and counts cannot be probed.
/// </summary>
public sealed record SupportCase(int CaseId);

public sealed class SupportCaseHandler(CivicGridDbContext db, CaseReference reference)
{
    public async Task<Outcome<int>> HandleAsync(SupportCase command, CancellationToken ct)
    {
        if (db.Jurisdiction.UserId is not { } me)
        {
            return Outcome<int>.Forbidden("请先登录");
        }
        var visible = db.Jurisdiction.Role.May(Permission.ActForOwnHousehold) ? db.PublicCases().Cases((await reference.GetAsync(db, ct)).PublicItemCodes) : db.Cases;
        var snapshot = await reference.GetAsync(db, ct);
        var c = await PublicCases.Among(visible, snapshot).AsTracking().FirstOrDefaultAsync(x => x.Id == command.CaseId, ct);
        if (c is null || !c.Status.IsOpen())
        {
            return Outcome<int>.NotFound();
        }
        if (c.SubmitterId == me || await db.CaseSupports.AnyAsync(s => s.CaseId == c.Id && s.UserId == me, ct))
        {
            return Outcome<int>.Invalid("CaseId", "您已提交或附议过该诉求");
        }
        db.CaseSupports.Add(new CaseSupport { CaseId = c.Id, UserId = me, At = db.Clock.GetUtcNow().UtcDateTime });
        c.SupportCount++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<int>.Invalid("CaseId", "附议未成功，请稍后重试");
        }
        return Outcome<int>.Ok(c.SupportCount);
    }
}
