using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Visits;

/// <summary>What a need found on a visit can become: an active item of the deliberation list, or a service of the catalogue.</summary>
public sealed record GetVisitChoices;

public sealed record VisitChoice(string Value, string Name);

public sealed record VisitChoices(IReadOnlyList<VisitChoice> CaseItems, IReadOnlyList<VisitChoice> Services);

public sealed class GetVisitChoicesHandler(CivicGridDbContext db)
{
    public async Task<VisitChoices> HandleAsync(GetVisitChoices query, CancellationToken ct)
    {
        // Project blockers (10xx) are logged by cadres at a project's site, not found at a door.
        var items = await db.DeliberationItems.AsNoTracking().Where(i => i.Active && !i.Code.StartsWith("10")).OrderBy(i => i.Code)
            .Select(i => new VisitChoice(i.Code, i.Category + " · " + i.Name)).ToListAsync(ct);
        var services = await db.ServiceItems.AsNoTracking().OrderBy(s => s.Code)
            .Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        return new VisitChoices(items, services.ConvertAll(s => new VisitChoice(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name)));
    }
}
