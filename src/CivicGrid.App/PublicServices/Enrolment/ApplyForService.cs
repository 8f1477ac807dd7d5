using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.Access;
using CivicGrid.Core.PublicServices.Enrolment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Enrolment;

/// <summary>
/// A resident applies for a service they are eligible for (or staff apply for them): the enrolment is accepted at
/// once, and for a limited service the resident joins the waiting list and allocation runs.
/// </summary>
public sealed record ApplyForService(int ServiceId, int? ResidentId);

public sealed class ApplyForServiceHandler(CivicGridDbContext db, Eligibility eligibility, ResidentAccounts accounts, WaitingList waitingList)
{
    public async Task<Outcome<EnrolmentStatus>> HandleAsync(ApplyForService command, CancellationToken ct)
    {
        var own = db.Jurisdiction.Role.May(Permission.ActForOwnHousehold);
        if (!own && !db.Jurisdiction.Role.ManagesPeople())
        {
            return Outcome<EnrolmentStatus>.Forbidden("当前角色无权代为申请服务");
        }
        var residentId = own ? await accounts.ResidentIdAsync(ct) : command.ResidentId;
        var resident = residentId is null ? null
            : await (own ? (await db.OwnHouseholdAsync(ct)).Residents : db.Residents).FirstOrDefaultAsync(r => r.Id == residentId && r.DepartedOn == null, ct);
        var service = await db.ServiceItems.AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.ServiceId, ct);
        if (resident is null || service is null)
        {
            return Outcome<EnrolmentStatus>.NotFound();
        }
        var eligible = (await eligibility.ForHouseholdOfAsync(resident.Id, ct)).GetValueOrDefault(resident.Id) ?? [];
        if (eligible.All(e => e.ServiceId != service.Id))
        {
            return Outcome<EnrolmentStatus>.Invalid(nameof(command.ServiceId), $"不符合“{service.Name}”的享受条件");
        }
        var (enrolment, refusal) = await waitingList.TakeUpAsync(service.Id, service.LimitedPlaces, resident.Id, resident.GridCode, EnrolmentSource.Application, ct);
        if (refusal is not null)
        {
            return Outcome<EnrolmentStatus>.Invalid(nameof(command.ServiceId), refusal);
        }
        await db.SaveChangesAsync(ct);
        if (service.LimitedPlaces)
        {
            await waitingList.AllocateAsync(service.Id, ct);
        }
        var status = await (await db.HouseholdOfAsync(resident.Id, ct)).ServiceEnrolments.AsNoTracking().Where(e => e.Id == enrolment.Id).Select(e => e.Status).FirstAsync(ct);
        return Outcome<EnrolmentStatus>.Ok(status);
    }
}
