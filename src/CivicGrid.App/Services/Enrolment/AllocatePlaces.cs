using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Services.Enrolment;

/// <summary>Staff run the allocation of a limited service's free places to its waiting list (it also runs on every release).</summary>
public sealed record AllocatePlaces(int ServiceId);

public sealed class AllocatePlacesHandler(CivicGridDbContext db, WaitingList waitingList)
{
    public async Task<Outcome<AllocationReport>> HandleAsync(AllocatePlaces command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.MayAdminister())
        {
            return Outcome<AllocationReport>.Forbidden("当前角色无权分配名额");
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
