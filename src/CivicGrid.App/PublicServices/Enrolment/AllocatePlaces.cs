using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Enrolment;

/// <summary>
/// The district runs the allocation of a limited service's free places to its whole waiting list (it also runs on every
/// join and release). One district-wide run under one priority policy: a street running it for its own applicants would
/// give them places that a higher-priority applicant elsewhere is owed, so it is the district admin's action only.
/// </summary>
public sealed record AllocatePlaces(int ServiceId);

public sealed class AllocatePlacesHandler(CivicGridDbContext db, WaitingList waitingList)
{
    public async Task<Outcome<AllocationReport>> HandleAsync(AllocatePlaces command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return Outcome<AllocationReport>.Forbidden("名额由区级统一分配，当前角色无权分配");
        }
        var service = await db.ServiceItems.AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.ServiceId, ct);
        if (service is null)
        {
            return Outcome<AllocationReport>.NotFound();
        }
        return service.LimitedPlaces
            ? Outcome<AllocationReport>.Ok(await waitingList.AllocateAsync(service.Id, ct))
            : Outcome<AllocationReport>.Invalid(nameof(command.ServiceId), "该服务不限名额，无需分配");
    }
}
