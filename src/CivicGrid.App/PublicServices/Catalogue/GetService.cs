using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Catalogue;

public sealed record GetService(int Id);

public sealed class GetServiceHandler(CivicGridDbContext db)
{
    public async Task<ServiceDetail?> HandleAsync(GetService query, CancellationToken ct)
    {
        var s = await db.ServiceItems.AsNoTracking().AsSplitQuery()
            .Include(x => x.Rules).Include(x => x.Facilities).ThenInclude(f => f.Type)
            .FirstOrDefaultAsync(x => x.Id == query.Id, ct);
        if (s is null)
        {
            return null;
        }
        var rules = s.Rules.OrderByDescending(r => r.Version)
            .Select(r => new RuleVersionView(r.Version, r.Text, r.Author, r.CreatedAt, r.PublishedAt, r.Version == s.PublishedRuleVersion))
            .ToList();
        var facilities = s.Facilities.OrderBy(f => f.GridCode).ThenBy(f => f.Name)
            .Select(f => new ServiceFacilityView(f.Id, f.Name, f.TypeCode, f.Type?.Name ?? f.TypeCode, f.GridCode, f.Capacity)).ToList();
        return new ServiceDetail(s.Id, s.Code, s.Name, s.Description, s.Theme, s.Mode, s.LimitedPlaces, s.OpenedBy,
            s.PublishedRuleVersion, rules, facilities, facilities.Select(f => f.TypeCode).Distinct().ToList());
    }
}
