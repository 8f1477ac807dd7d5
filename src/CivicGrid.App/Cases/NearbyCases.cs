using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Geography;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>Open cases of the same item within a radius, shown before submitting so a resident can support one instead.</summary>
public sealed record NearbyCases(string ItemCode, double Latitude, double Longitude, double RadiusMetres = NearbyCases.DefaultRadius)
{
    public const double DefaultRadius = 250;
}

public sealed record NearbyCase(int Id, string Description, string StatusName, DateTime ReceivedAt, int SupportCount, int DistanceMetres);

public sealed class NearbyCasesHandler(CivicGridDbContext db, CaseReference reference)
{
    private const double MetresPerDegreeLatitude = 111_320;

    public async Task<IReadOnlyList<NearbyCase>> HandleAsync(NearbyCases query, CancellationToken ct)
    {
        var radius = Math.Clamp(query.RadiusMetres, 1, 2000);
        var centre = new GeoPoint(query.Latitude, query.Longitude);
        var dLat = radius / MetresPerDegreeLatitude;
        var dLon = radius / (MetresPerDegreeLatitude * Math.Cos(query.Latitude * Math.PI / 180));
        // Public open cases are shown like a notice on the street: only their descriptions and states.
        var candidates = await PublicCases.Of(db, await reference.GetAsync(db, ct))
            .Where(c => c.ItemCode == query.ItemCode
                && CaseNames.Open.Contains(c.Status)
                && c.Latitude >= query.Latitude - dLat && c.Latitude <= query.Latitude + dLat
                && c.Longitude >= query.Longitude - dLon && c.Longitude <= query.Longitude + dLon)
            .Select(c => new { c.Id, c.Description, c.Status, c.ReceivedAt, c.SupportCount, c.Latitude, c.Longitude })
            .Take(200).ToListAsync(ct);
        return candidates
            .Select(c => new { c, Distance = centre.DistanceMetresTo(new GeoPoint(c.Latitude!.Value, c.Longitude!.Value)) })
            .Where(x => x.Distance <= radius).OrderBy(x => x.Distance)
            .Select(x => new NearbyCase(x.c.Id, PersonalDataMask.InText(x.c.Description), x.c.Status.ChineseName(), x.c.ReceivedAt, x.c.SupportCount, (int)Math.Round(x.Distance)))
            .ToList();
    }
}
