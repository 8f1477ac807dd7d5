using CivicGrid.App.Data;
using CivicGrid.Core.PublicServices.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Catalogue;

/// <summary>The catalogue, filtered by theme and text, sorted by code.</summary>
public sealed record ListServices(ServiceTheme? Theme = null, string? Text = null, int PageNumber = 1, int PageSize = 50);

public sealed class ListServicesHandler(CivicGridDbContext db)
{
    public async Task<Page<ServiceRow>> HandleAsync(ListServices query, CancellationToken ct)
    {
        var items = db.ServiceItems.AsNoTracking();
        if (query.Theme is { } theme)
        {
            items = items.Where(s => s.Theme == theme);
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            items = items.Where(s => s.Name.Contains(text) || s.Code.Contains(text) || s.Description.Contains(text));
        }
        var size = Page<ServiceRow>.Clamp(query.PageSize);
        var number = Math.Max(1, query.PageNumber);
        var total = await items.CountAsync(ct);
        var page = await items.OrderBy(s => s.Code).Skip((number - 1) * size).Take(size).Include(s => s.Rules).ToListAsync(ct);
        return new Page<ServiceRow>(page.Select(ServiceViewMapping.Row).ToList(), number, size, total);
    }
}
