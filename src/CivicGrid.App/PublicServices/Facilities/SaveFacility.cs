using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.Enrolment;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Facilities;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Facilities;

/// <summary>
/// Creates a facility (no id) or changes one; services are named by their catalogue codes. Places it offers (a new
/// facility, more capacity, a service added) go to the services' waiting lists at once.
/// </summary>
public sealed record SaveFacility(
    int? Id, string? Name, string? TypeCode, string? GridCode, string? Address, double? Latitude, double? Longitude,
    double? FloorArea, int? Capacity, string? OpeningHours, string? Operator, IReadOnlyList<string>? Services);

public sealed class SaveFacilityHandler(CivicGridDbContext db, AllocateWaitingListsHandler allocation)
{
    public async Task<Outcome<int>> HandleAsync(SaveFacility command, CancellationToken ct)
    {
        if (!db.Jurisdiction.MayAdminister())
        {
            return Outcome<int>.Forbidden(FacilityAccess.RoleRefused);
        }
        var facility = command.Id is { } id ? await db.Facilities.Include(f => f.Services).FirstOrDefaultAsync(f => f.Id == id, ct) : null;
        if (command.Id is not null && facility is null)
        {
            return Outcome<int>.NotFound();
        }
        if (facility is not null && !db.Jurisdiction.MayEdit(facility.GridCode))
        {
            return Outcome<int>.Forbidden(FacilityAccess.ScopeRefused);
        }
        var checks = await FacilityChecks.LoadAsync(db, command, ct);
        var errors = checks.Validate(command, db.Jurisdiction.ScopeCode);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        facility ??= db.Facilities.Add(NewFacility(command)).Entity;
        Apply(facility, command, checks.KnownServices);
        await db.SaveChangesAsync(ct);
        if (facility.Capacity > 0)
        {
            await allocation.HandleAsync(new AllocateWaitingLists(facility.Services.Where(s => s.LimitedPlaces).Select(s => s.Id).ToList()), ct);
        }
        return Outcome<int>.Ok(facility.Id);
    }

    private static Facility NewFacility(SaveFacility c) => new()
    {
        Name = "", TypeCode = c.TypeCode!, GridCode = c.GridCode!, Address = "", OpeningHours = "", Operator = "",
    };

    private static void Apply(Facility f, SaveFacility c, IReadOnlyList<ServiceItem> services)
    {
        f.Name = c.Name!.Trim();
        f.TypeCode = c.TypeCode!;
        f.GridCode = c.GridCode!.Trim();
        f.Address = c.Address!.Trim();
        f.Latitude = c.Latitude!.Value;
        f.Longitude = c.Longitude!.Value;
        f.FloorArea = c.FloorArea!.Value;
        f.Capacity = c.Capacity;
        f.OpeningHours = c.OpeningHours?.Trim() ?? "";
        f.Operator = c.Operator?.Trim() ?? "";
        f.Services.RemoveAll(s => !services.Contains(s));
        f.Services.AddRange(services.Where(s => !f.Services.Contains(s)));
    }
}
