using CivicGrid.App.Data;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Facilities;

public sealed record Choice(string Code, string Name);

/// <summary>What a facility form offers: the types, the catalogue's services, and the grids the caller may place it in.</summary>
public sealed record FacilityFormChoices(IReadOnlyList<FacilityTypeView> Types, IReadOnlyList<Choice> Services, IReadOnlyList<Choice> Grids);

public sealed record GetFacilityFormChoices;

public sealed class GetFacilityFormChoicesHandler(CivicGridDbContext db, ListFacilityTypesHandler types)
{
    public async Task<FacilityFormChoices> HandleAsync(GetFacilityFormChoices query, CancellationToken ct)
    {
        var services = await db.ServiceItems.AsNoTracking().OrderBy(s => s.Code).Select(s => new Choice(s.Code, s.Name)).ToListAsync(ct);
        var grids = await db.TerritoryNodes.AsNoTracking().Where(n => n.Level == TerritoryLevel.Grid).OrderBy(n => n.Code)
            .Select(n => new Choice(n.Code, n.Name)).ToListAsync(ct);
        return new FacilityFormChoices(await types.HandleAsync(new ListFacilityTypes(), ct), services, grids);
    }
}
