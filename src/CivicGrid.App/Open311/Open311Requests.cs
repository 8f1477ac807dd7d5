using System.Globalization;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Cases;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Open311;

/// <summary>A case as the public sees it through Open311: what, where, how far along. No contact details, ever.</summary>
public sealed record Open311Request(
    string Id, string Status, string? StatusNotes, string ServiceName, string ServiceCode, string Description, string AgencyResponsible,
    DateTimeOffset RequestedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ExpectedAt, string? Address, double? Latitude, double? Longitude);

/// <summary>GET requests' parameters as the client sent them; the handler parses and checks them.</summary>
public sealed record FindOpen311Requests(string? ServiceRequestId = null, string? ServiceCode = null, string? StartDate = null, string? EndDate = null, string? Status = null);

public sealed record Open311Token(string Token, string ServiceRequestId);

/// <summary>
/// Reads cases for the public Open311 interface. The caller is anonymous, so the jurisdiction filter is set aside here
/// and privacy is kept by projecting only the public fields.
/// </summary>
public sealed class Open311RequestsHandler(CivicGridDbContext db, CaseReference reference)
{
    public const int MaxResults = 1000;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);

    private sealed record Row(
        int Id, string ItemCode, string Description, CaseStatus Status, HandlingLevel Level, string GridCode, string? DepartmentCode,
        DateTime ReceivedAt, DateTime UpdatedAt, DateTime RespondBy, DateTime? ResolveBy, string? Address, double? Latitude, double? Longitude, string? Note);

    public async Task<Outcome<IReadOnlyList<Open311Request>>> HandleAsync(FindOpen311Requests query, CancellationToken ct)
    {
        var parsed = Open311RequestFilter.Parse(query, db.Clock.GetUtcNow());
        if (parsed.Errors.Count > 0)
        {
            return Outcome<IReadOnlyList<Open311Request>>.Invalid(parsed.Errors);
        }
        var cases = PublicCases.Of(db, await reference.GetAsync(db, ct));
        if (parsed.Ids.Count > 0)
        {
            cases = cases.Where(c => parsed.Ids.Contains(c.Id));
        }
        else
        {
            var from = parsed.From.UtcDateTime;
            cases = cases.Where(c => c.ReceivedAt >= from);
            if (parsed.To is { } to)
            {
                var until = to.UtcDateTime;
                cases = cases.Where(c => c.ReceivedAt <= until);
            }
            if (parsed.ServiceCodes.Count > 0)
            {
                cases = cases.Where(c => parsed.ServiceCodes.Contains(c.ItemCode));
            }
            if (parsed.Open is true)
            {
                cases = cases.Where(c => CaseNames.Open.Contains(c.Status));
            }
            else if (parsed.Open is false)
            {
                cases = cases.Where(c => !CaseNames.Open.Contains(c.Status));
            }
        }
        var rows = await Project(cases.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Take(MaxResults)).ToListAsync(ct);
        return Outcome<IReadOnlyList<Open311Request>>.Ok(await ToRequestsAsync(rows, ct));
    }

    public async Task<Open311Request?> GetAsync(string serviceRequestId, CancellationToken ct)
    {
        if (!int.TryParse(serviceRequestId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }
        var rows = await Project(PublicCases.Of(db, await reference.GetAsync(db, ct)).Where(c => c.Id == id)).ToListAsync(ct);
        return (await ToRequestsAsync(rows, ct)).FirstOrDefault();
    }

    public async Task<Open311Token?> TokenAsync(string token, CancellationToken ct)
    {
        var ids = await db.PublicCases().ByToken(token).AsNoTracking().Where(c => c.Token == token).Select(c => c.Id).Take(1).ToListAsync(ct);
        return ids.Count == 0 ? null : new Open311Token(token, ids[0].ToString(CultureInfo.InvariantCulture));
    }

    private static IQueryable<Row> Project(IQueryable<Case> cases) => cases.Select(c => new Row(
        c.Id, c.ItemCode, c.Description, c.Status, c.Level, c.GridCode, c.DepartmentCode, c.ReceivedAt, c.UpdatedAt, c.RespondBy, c.ResolveBy,
        c.Address, c.Latitude, c.Longitude,
        c.Timeline.Where(t => t.PublicNote != null && t.PublicNote != "").OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Select(t => t.PublicNote).FirstOrDefault()));

    private async Task<IReadOnlyList<Open311Request>> ToRequestsAsync(List<Row> rows, CancellationToken ct)
    {
        var snapshot = await reference.GetAsync(db, ct);
        var owners = rows.Select(r => r.Level.OwnerCode(r.GridCode)).Distinct().ToList();
        var names = await db.PublicGeography().TerritoryNodes.AsNoTracking().Where(n => owners.Contains(n.Code))
            .Select(n => new { n.Code, n.Name }).ToDictionaryAsync(n => n.Code, n => n.Name, ct);
        return rows.ConvertAll(r =>
        {
            var item = snapshot.Items.GetValueOrDefault(r.ItemCode);
            var agency = r.DepartmentCode is { } d && snapshot.Departments.TryGetValue(d, out var department)
                ? department.Name
                : names.GetValueOrDefault(r.Level.OwnerCode(r.GridCode)) ?? r.Level.ChineseName();
            DateTime? expected = r.Status == CaseStatus.Received ? r.RespondBy : r.Status.IsInHand() ? r.ResolveBy : null;
            return new Open311Request(
                r.Id.ToString(CultureInfo.InvariantCulture), r.Status.IsOpen() ? "open" : "closed", PublicText(r.Note), item?.Name ?? r.ItemCode, r.ItemCode, PersonalDataMask.InText(r.Description),
                agency, DistrictTime.ToDistrictTime(r.ReceivedAt), DistrictTime.ToDistrictTime(r.UpdatedAt),
                expected is { } e ? DistrictTime.ToDistrictTime(e) : null, r.Address, r.Latitude, r.Longitude);
        });
    }

    /// <summary>What residents and staff wrote, as anyone may read it: phone and ID numbers typed into it are masked.</summary>
    private static string? PublicText(string? text) => text is null ? null : PersonalDataMask.InText(text);
}
