using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using CivicGrid.Core.PublicServices.Enrolment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Enrolment;

/// <summary>
/// Accept, decline, end or re-offer one enrolment. Residents answer their own offers; staff who manage people act
/// for residents in their jurisdiction. Joining a waiting list or releasing a place runs the allocation.
/// </summary>
/// <remarks>Move and version are nullable because a JSON body may leave them out; the handler names a missing one.</remarks>
public sealed record ActOnEnrolment(int EnrolmentId, EnrolmentMoveKind? Move, int? Version);

public sealed class ActOnEnrolmentHandler(CivicGridDbContext db, WaitingList waitingList, ResidentAccounts accounts)
{
    public async Task<Outcome<EnrolmentStatus>> HandleAsync(ActOnEnrolment command, CancellationToken ct)
    {
        if (command.Move is not { } move || !Enum.IsDefined(move))
        {
            return Outcome<EnrolmentStatus>.Invalid(nameof(command.Move), "请选择办理方式：接受（0）、拒绝（1）、结束服务（3）或重新推送（4）");
        }
        if (move == EnrolmentMoveKind.Allocate)
        {
            return Outcome<EnrolmentStatus>.Invalid(nameof(command.Move), "名额由候补分配统一安排");
        }
        if (command.Version is not { } version)
        {
            return Outcome<EnrolmentStatus>.Invalid(nameof(command.Version), "缺少版本号（version），请刷新后重试");
        }
        var enrolment = await FindAsync(command.EnrolmentId, ct);
        if (enrolment is null)
        {
            return Outcome<EnrolmentStatus>.NotFound();
        }
        if (!await MayActAsync(enrolment, move, ct))
        {
            return Outcome<EnrolmentStatus>.Forbidden("无权办理该服务");
        }
        if (enrolment.Version != version)
        {
            return Outcome<EnrolmentStatus>.Invalid(nameof(command.Version), "该服务状态已被他人更新，请刷新后重试");
        }
        var service = await db.ServiceItems.AsNoTracking().FirstAsync(s => s.Id == enrolment.ServiceItemId, ct);
        var releases = enrolment.Status == EnrolmentStatus.Enrolled && enrolment.FacilityId is not null;
        if (move == EnrolmentMoveKind.Accept && service.LimitedPlaces)
        {
            enrolment.PriorityPoints = await waitingList.BasePointsAsync(enrolment.ResidentId, ct);
        }
        if (enrolment.Apply(new EnrolmentMove(move), service.LimitedPlaces, db.Jurisdiction.ActorName, db.Clock.GetUtcNow().UtcDateTime) is { } refusal)
        {
            return Outcome<EnrolmentStatus>.Invalid(nameof(command.Move), refusal);
        }
        await db.SaveChangesAsync(ct);
        if ((releases && enrolment.Status == EnrolmentStatus.Ended) || enrolment.Status == EnrolmentStatus.Waiting)
        {
            await waitingList.AllocateAsync(service.Id, ct);
        }
        return Outcome<EnrolmentStatus>.Ok(enrolment.Status);
    }

    /// <summary>A resident's own enrolment lies outside any staff scope filter, so residents look it up past the filter.</summary>
    private async Task<ServiceEnrolment?> FindAsync(int id, CancellationToken ct) => db.Jurisdiction.Role.May(Permission.ActForOwnHousehold)
        ? await (await db.OwnHouseholdAsync(ct)).ServiceEnrolments.FirstOrDefaultAsync(e => e.Id == id, ct)
        : await db.ServiceEnrolments.FirstOrDefaultAsync(e => e.Id == id, ct);

    private async Task<bool> MayActAsync(ServiceEnrolment enrolment, EnrolmentMoveKind move, CancellationToken ct)
    {
        if (db.Jurisdiction.Role.May(Permission.ActForOwnHousehold))
        {
            return move is EnrolmentMoveKind.Accept or EnrolmentMoveKind.Decline
                && await accounts.ResidentIdAsync(ct) == enrolment.ResidentId;
        }
        return db.Jurisdiction.Role.ManagesPeople();
    }
}
