using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises;

public sealed record EnterpriseRow(
    int Id, string Name, string CreditCode, string Industry, int EmployeeCount, bool IsKeyTaxSource,
    string? Building, int? Floor, string OfficeAddress, string RegisteredAddress, bool AddressesAligned, string GridCode);

/// <summary>Find enterprises by name, credit code or address; filter by industry and key tax source (重点税源).</summary>
public sealed record SearchEnterprises(
    string? Query = null, string? Under = null, string? Industry = null, bool? KeyTaxSource = null,
    string Sort = "name", int PageNumber = 1, int PageSize = 20);

public sealed class SearchEnterprisesHandler(CivicGridDbContext db)
{
    public async Task<Page<EnterpriseRow>> HandleAsync(SearchEnterprises query, CancellationToken ct)
    {
        var filtered = Filter(query);
        var size = Page<EnterpriseRow>.Clamp(query.PageSize);
        var number = Math.Max(1, query.PageNumber);
        var total = await filtered.CountAsync(ct);
        var rows = await Project(Order(filtered, query.Sort).Skip((number - 1) * size).Take(size)).ToListAsync(ct);
        return new Page<EnterpriseRow>(rows, number, size, total);
    }

    public IAsyncEnumerable<EnterpriseRow> StreamAsync(SearchEnterprises query) =>
        Project(Order(Filter(query), query.Sort)).AsAsyncEnumerable();

    public Task<EnterpriseRow?> GetAsync(int id, CancellationToken ct) =>
        Project(db.Enterprises.AsNoTracking().Where(e => e.Id == id)).FirstOrDefaultAsync(ct);

    private IQueryable<Enterprise> Filter(SearchEnterprises query)
    {
        var enterprises = db.Enterprises.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Under))
        {
            enterprises = enterprises.Where(e => e.GridCode.StartsWith(query.Under));
        }
        if (!string.IsNullOrWhiteSpace(query.Industry))
        {
            enterprises = enterprises.Where(e => e.Industry == query.Industry);
        }
        if (query.KeyTaxSource is { } key)
        {
            enterprises = enterprises.Where(e => e.IsKeyTaxSource == key);
        }
        if (!string.IsNullOrWhiteSpace(query.Query))
        {
            var text = query.Query.Trim();
            var code = text.ToUpperInvariant();
            enterprises = enterprises.Where(e => e.Name.Contains(text) || e.CreditCode == code || e.OfficeAddress.Contains(text));
        }
        return enterprises;
    }

    private static IQueryable<Enterprise> Order(IQueryable<Enterprise> enterprises, string sort) => sort switch
    {
        "employees" => enterprises.OrderByDescending(e => e.EmployeeCount).ThenBy(e => e.Id),
        "industry" => enterprises.OrderBy(e => e.Industry).ThenBy(e => e.Name),
        _ => enterprises.OrderBy(e => e.Name).ThenBy(e => e.Id),
    };

    private static IQueryable<EnterpriseRow> Project(IQueryable<Enterprise> enterprises) =>
        enterprises.Select(e => new EnterpriseRow(e.Id, e.Name, e.CreditCode, e.Industry, e.EmployeeCount, e.IsKeyTaxSource,
            e.Building != null ? e.Building.Name : null, e.Floor, e.OfficeAddress, e.RegisteredAddress,
            e.RegisteredAddress == e.OfficeAddress, e.GridCode));
}
