using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises.Challenges;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Challenges;

/// <summary>
/// One move of a challenge: claim (揭榜), abandon, deliver, reject, evaluate (验收评价) or withdraw (撤榜). An enterprise's
/// contact claims for its own enterprise; staff record the claim of a named partner organisation or volunteer team and
/// its delivery. <see cref="ChallengePermissions"/> says who may make which move.
/// </summary>
public sealed record MoveChallenge(int Id, ChallengeAction Action, string? Note = null, string? SolverName = null, SolverKind? SolverKind = null, int? Score = null);

public sealed class MoveChallengeHandler(CivicGridDbContext db)
{
    public const string Conflict = "该榜单刚被他人更新，本次操作未保存，请刷新后重试";

    public async Task<Outcome<ChallengeRow>> HandleAsync(MoveChallenge command, CancellationToken ct)
    {
        var role = db.Jurisdiction.Role;
        if (command.Action == ChallengeAction.Publish || !role.MaySee())
        {
            return Outcome<ChallengeRow>.Forbidden(ChallengePermissions.Refusal);
        }
        var challenge = await ChallengesInScope.Of(db).FirstOrDefaultAsync(c => c.Id == command.Id, ct);
        if (challenge is null)
        {
            return Outcome<ChallengeRow>.NotFound();
        }
        if (ChallengeStateMachine.Target(challenge.Status, command.Action) is null)
        {
            return Outcome<ChallengeRow>.Invalid("", ChallengeStateMachine.Refusal(challenge.Status, command.Action));
        }
        var own = db.Jurisdiction.OwnEnterpriseId;
        if (!ChallengePermissions.May(challenge, role, own, command.Action))
        {
            return Outcome<ChallengeRow>.Forbidden(ChallengePermissions.Refusal);
        }
        var (move, refusal) = await CommandAsync(challenge, command, ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        refusal ??= challenge.Apply(move!, now);
        if (refusal is not null)
        {
            return Outcome<ChallengeRow>.Invalid("", refusal);
        }
        db.ChallengeEvents.Add(new ChallengeEvent
        {
            ChallengeId = challenge.Id, At = now, Action = command.Action, To = challenge.Status, Actor = db.Jurisdiction.ActorName,
            Note = command.Action == ChallengeAction.Claim ? $"{challenge.SolverName}（{challenge.SolverKind!.Value.ChineseName()}）" : Trimmed(command.Note),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<ChallengeRow>.Invalid("", Conflict);
        }
        return Outcome<ChallengeRow>.Ok(ChallengeRow.From(challenge));
    }

    /// <summary>
    /// The core's command, with the party the core compares: a contact acts as its enterprise, so any contact of the
    /// firm may deliver what a colleague claimed; staff act for the partner they record, and as themselves otherwise.
    /// </summary>
    private async Task<(ChallengeCommand?, string?)> CommandAsync(Challenge c, MoveChallenge m, CancellationToken ct)
    {
        var role = db.Jurisdiction.Role;
        var firm = role.May(Permission.ActForOwnEnterprise)
            ? await db.Enterprises.AsNoTracking().Where(e => e.Id == db.Jurisdiction.OwnEnterpriseId).Select(e => e.Name).FirstOrDefaultAsync(ct)
            : null;
        if (m.Action == ChallengeAction.Claim)
        {
            if (firm is null && ChallengePermissions.ClaimRefusal(role, m.SolverKind) is { } refusal)
            {
                return (null, refusal);
            }
            return firm is not null
                ? (new ChallengeCommand(m.Action, firm, m.Note) { SolverName = firm, SolverKind = SolverKind.Enterprise, SolverEnterpriseId = db.Jurisdiction.OwnEnterpriseId }, null)
                : (new ChallengeCommand(m.Action, m.SolverName?.Trim() ?? "", m.Note) { SolverName = m.SolverName, SolverKind = m.SolverKind }, null);
        }
        var actor = m.Action is ChallengeAction.Abandon or ChallengeAction.Deliver ? c.ClaimedBy ?? "" : firm ?? db.Jurisdiction.ActorName;
        return (new ChallengeCommand(m.Action, actor, m.Note) { Score = m.Score }, null);
    }

    private static string? Trimmed(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
