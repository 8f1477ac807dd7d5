using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Enrolment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Facilities;

public sealed record GetFacility(int Id);

public sealed class GetFacilityHandler(CivicGridDbContext db)
{
    public async Task<FacilityDetail?> HandleAsync(GetFacility query, CancellationToken ct)
    {
        var f = await db.Facilities.AsNoTracking().Include(x => x.Type).Include(x => x.Services)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == query.Id, ct);
        if (f is null)
        {
            return null;
        }
        var names = await GridNames.OfAsync(db, [f.GridCode], ct);
        var services = f.Services.OrderBy(s => s.Code)
            .Select(s => new FacilityServiceView(s.Id, s.Code, s.Name, s.Theme.ChineseName())).ToList();
        return new FacilityDetail(f.Id, f.Name, f.TypeCode, f.Type?.Name ?? f.TypeCode, f.Type?.HasPlaces ?? false, f.GridCode,
            names.GetValueOrDefault(f.GridCode, f.GridCode), f.Address, f.Latitude, f.Longitude, f.FloorArea, f.Capacity,
            await OccupiedAsync(db, f.Id, ct), f.OpeningHours, f.Operator, services, db.Jurisdiction.MayEdit(f.GridCode));
    }

    /// <summary>
    /// Places taken: residents enrolled here, wherever they live. A count of the whole facility, not of the caller's
    /// jurisdiction, so it is read past the filter; it names nobody.
    /// </summary>
    internal static Task<int> OccupiedAsync(CivicGridDbContext db, int facilityId, CancellationToken ct) =>
        db.DistrictChecks().ServiceEnrolments.CountAsync(e => e.FacilityId == facilityId && e.Status == EnrolmentStatus.Enrolled, ct);
}
