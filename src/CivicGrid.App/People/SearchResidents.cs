using CivicGrid.App.Data;
using CivicGrid.App.Security;
using CivicGrid.Core.People;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.People;

/// <summary>Find residents by name, address (see <see cref="ResidentTextSearch"/>), the last four characters of the ID number, a full ID number or a phone.</summary>
public sealed record SearchResidents(
    string? Query = null, string? Under = null, LifeStage? Stage = null, string? Tag = null,
    ResidenceType? ResidenceType = null, string Sort = "name", int PageNumber = 1, int PageSize = 20);

public sealed class SearchResidentsHandler(CivicGridDbContext db, PersonalDataProtector protector)
{
    public async Task<Page<ResidentRow>> HandleAsync(SearchResidents query, CancellationToken ct)
    {
        var today = db.Clock.Today();
        var filtered = await FilterAsync(query, today, ct);
        var limit = string.IsNullOrWhiteSpace(query.Query) ? PageCounting.Limit : PageCounting.TextSearchLimit;
        var (total, more) = await filtered.All.CountUpToAsync(limit, ct);
        var size = Page<ResidentRow>.Clamp(query.PageSize);
        var number = Math.Max(1, query.PageNumber);
        var rows = await ProjectWithoutTags(Order(PageOf(filtered, query.Sort, number, size), query.Sort)).ToListAsync(ct);
        var tags = await TagsOfAsync(rows.ConvertAll(r => r.Id), ct);
        return new Page<ResidentRow>(rows.ConvertAll(r => ToRow(r with { Tags = tags[r.Id].ToList() }, today)), number, size, total) { TotalIsLowerBound = more };
    }

    /// <summary>
    /// The page's residents, chosen by id first: the skipped residents are then read from an index (name, id and grid
    /// code for the default order) and only the page's own rows from the table. Skipping whole rows read page 1,000 of
    /// the district's residents, 20,000 rows spread over the table, from disk.
    /// </summary>
    private ResidentMatches PageOf(ResidentMatches filtered, string sort, int number, int size)
    {
        var ids = Order(filtered, sort).Skip((number - 1) * size).Take(size).Select(r => r.Id);
        return new ResidentMatches(db.Residents.AsNoTracking().Where(r => ids.Contains(r.Id)));
    }

    /// <summary>
    /// The tags of one page's residents, read apart: joined into the page, SQLite reads the whole resident–tag link
    /// table for every page (the join sits on the outer side of a LEFT JOIN, which it does not flatten).
    /// </summary>
    private async Task<ILookup<int, string>> TagsOfAsync(List<int> ids, CancellationToken ct)
    {
        // The ids come from the page, already within the caller's scope.
        var links = await db.Set<Dictionary<string, object>>(ResidentTags.Table).AsNoTracking()
            .Where(l => ids.Contains(EF.Property<int>(l, "ResidentsId")))
            .Join(db.Tags, l => EF.Property<int>(l, "TagsId"), t => t.Id, (l, t) => new { Resident = EF.Property<int>(l, "ResidentsId"), Tag = t.Id, t.Name })
            .ToListAsync(ct);
        return links.OrderBy(l => l.Tag).ToLookup(l => l.Resident, l => l.Name);
    }

    /// <summary>Every matching row in order, for export.</summary>
    public async IAsyncEnumerable<ResidentRow> StreamAsync(SearchResidents query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var today = db.Clock.Today();
        var filtered = await FilterAsync(query, today, ct);
        await foreach (var row in Project(Order(filtered, query.Sort)).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return ToRow(row, today);
        }
    }

    private async Task<ResidentMatches> FilterAsync(SearchResidents query, DateOnly today, CancellationToken ct)
    {
        var residents = db.Residents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Under))
        {
            residents = residents.Where(r => r.GridCode.StartsWith(query.Under));
        }
        if (query.Stage is { } stage)
        {
            var (after, onOrBefore) = LifeStages.BirthRange(stage, today);
            residents = residents.Where(r => r.BirthDate > after && r.BirthDate <= onOrBefore);
        }
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            residents = residents.Where(r => r.Tags.Any(t => t.Name == query.Tag));
        }
        if (query.ResidenceType is { } type)
        {
            residents = residents.Where(r => r.ResidenceType == type);
        }
        if (string.IsNullOrWhiteSpace(query.Query))
        {
            return new ResidentMatches(residents);
        }
        var wholeDistrict = Math.Max(db.Jurisdiction.ScopeCode.Length, query.Under?.Length ?? 0) <= TerritoryCode.LengthOf(TerritoryLevel.District)
            && query.Stage is null && query.Tag is null && query.ResidenceType is null;
        return await MatchAsync(residents, query.Query.Trim(), wholeDistrict, ct);
    }

    private async Task<ResidentMatches> MatchAsync(IQueryable<Resident> residents, string text, bool wholeDistrict, CancellationToken ct)
    {
        if (IdNumber.TryParse(text, out var id, out _))
        {
            var hash = protector.Hash(id.Value);
            return new ResidentMatches(residents.Where(r => r.IdNumberHash == hash));
        }
        if (text.Length == 11 && PhoneNumber.TryNormalise(text, out var phone, out _))
        {
            var hash = protector.Hash(phone);
            return new ResidentMatches(residents.Where(r => r.PhoneHash == hash));
        }
        if (text.Length == 4 && text.All(c => char.IsAsciiDigit(c) || c is 'x' or 'X'))
        {
            var last4 = text.ToUpperInvariant();
            return new ResidentMatches(residents.Where(r => r.IdLast4 == last4));
        }
        return await ResidentTextSearch.MatchingAsync(db, residents, text, wholeDistrict, ct);
    }

    private static IQueryable<Resident> Order(ResidentMatches matches, string sort) => sort switch
    {
        "age" => matches.All.OrderBy(r => r.BirthDate).ThenBy(r => r.Id),
        "-age" => matches.All.OrderByDescending(r => r.BirthDate).ThenBy(r => r.Id),
        "address" => matches.All.OrderBy(r => r.Household!.Address).ThenBy(r => r.Id),
        _ => (matches.InNameOrder ?? matches.All).OrderBy(r => r.Name).ThenBy(r => r.Id),
    };

    private static IQueryable<RowData> Project(IQueryable<Resident> residents) =>
        residents.Select(r => new RowData(
            r.Id, r.Name, r.IdNumberMasked, r.BirthDate, r.Gender, r.ResidenceType, r.PhoneMasked,
            r.Household != null ? r.Household.Address : null, r.GridCode, r.Tags.Select(t => t.Name).ToList()));

    private static IQueryable<RowData> ProjectWithoutTags(IQueryable<Resident> residents) =>
        residents.Select(r => new RowData(
            r.Id, r.Name, r.IdNumberMasked, r.BirthDate, r.Gender, r.ResidenceType, r.PhoneMasked,
            r.Household != null ? r.Household.Address : null, r.GridCode, new List<string>()));

    private static ResidentRow ToRow(RowData r, DateOnly today) =>
        new(r.Id, r.Name, r.IdNumberMasked, ResidentViewMapping.GenderName(r.Gender), Age.On(r.BirthDate, today),
            LifeStages.At(r.BirthDate, today).ChineseName(), r.ResidenceType.ChineseName(), r.PhoneMasked, r.Address,
            r.GridCode, r.Tags);

    private sealed record RowData(
        int Id, string Name, string IdNumberMasked, DateOnly BirthDate, Gender Gender, ResidenceType ResidenceType,
        string? PhoneMasked, string? Address, string GridCode, List<string> Tags);
}
