using CivicGrid.App.Assessment;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using CivicGrid.App.CashBenefits;
using CivicGrid.App.Data;
using CivicGrid.App.Enterprises;
using CivicGrid.App.Enterprises.Challenges;
using CivicGrid.App.Enterprises.Needs;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Territory;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Routing;
using CivicGrid.App.Projects;
using CivicGrid.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Security;

/// <summary>One page or API answer read by a crawl, with its body as text (spreadsheets unzipped).</summary>
public sealed record CrawledPage(string Url, int Status, string ContentType, string Body);

/// <summary>
/// Visits every GET route the site maps (API, pages, exports, Open311), with route values taken from the seeded data,
/// so a check over the answers covers what is added later without listing it.
/// </summary>
public static partial class SiteCrawl
{
    /// <summary>Routes that answer with a redirect or a file of their own and hold no data to check.</summary>
    private static readonly string[] NotCrawled = ["/culture/{name}", "/error", "/openapi/{documentName}.json", "/health", "/{**path:file}"];

    [GeneratedRegex(@"\{(\w+)(:[^}?]*)?\??\}")]
    private static partial Regex Parameter();

    public static async Task<List<CrawledPage>> VisitAsync(CivicGridFactory site, HttpClient client)
    {
        var values = await RouteValuesAsync(site);
        var pages = new List<CrawledPage>();
        foreach (var url in Urls(site, values))
        {
            using var response = await client.GetAsync(url);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            pages.Add(new CrawledPage(url, (int)response.StatusCode, type, Text(bytes)));
        }
        return pages;
    }

    /// <summary>Every GET route pattern with its parameters filled; patterns that stay unfilled are returned as they are, so a test sees them.</summary>
    public static IEnumerable<string> Urls(CivicGridFactory site, IReadOnlyDictionary<string, string> values)
    {
        var patterns = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(IsCrawled)
            .Distinct().Order(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            var url = Parameter().Replace(pattern, m => values.TryGetValue(Key(pattern, m), out var v) ? v : m.Value);
            foreach (var variant in Variants(url))
            {
                yield return variant;
            }
        }
    }

    /// <summary>Routes with data: not the framework's (/_…), not static files (a dot in the name), unless the dot is Open311's {format}.</summary>
    private static bool IsCrawled(string pattern) =>
        !NotCrawled.Contains(pattern) && !pattern.StartsWith("/_", StringComparison.Ordinal)
        && (!pattern.Contains('.', StringComparison.Ordinal) || pattern.Contains("{format}", StringComparison.Ordinal));

    /// <summary>A route parameter's value is chosen by the segment before it: /residents/{id} takes a resident's id.</summary>
    private static string Key(string pattern, Match parameter)
    {
        var name = parameter.Groups[1].Value.ToLowerInvariant();
        if (name is not ("id" or "code"))
        {
            return name;
        }
        var before = pattern[..parameter.Index].TrimEnd('/');
        var segment = before[(before.LastIndexOf('/') + 1)..];
        return $"{segment}/{name}";
    }

    private static IEnumerable<string> Variants(string url)
    {
        if (url.Contains("{format}", StringComparison.Ordinal))
        {
            yield return url.Replace("{format}", "json", StringComparison.Ordinal);
            yield return url.Replace("{format}", "xml", StringComparison.Ordinal);
        }
        else if (url.EndsWith("/export", StringComparison.Ordinal))
        {
            yield return url + "?format=csv";
            yield return url + "?format=xlsx";
        }
        else
        {
            yield return url + (Queries.TryGetValue(url[(url.LastIndexOf('/') + 1)..], out var query) ? query : "");
        }
    }

    private static readonly Dictionary<string, string> Queries = new()
    {
        ["nearby"] = "?itemCode=0101&latitude=30.32&longitude=120.15",
        ["residents"] = "?pageSize=200",
        ["enterprises"] = "?pageSize=200",
        ["cases"] = "?pageSize=200",
    };

    /// <summary>A route pattern with its parameters filled from <paramref name="values"/>, or <paramref name="missing"/> where none is known.</summary>
    public static string Fill(string pattern, IReadOnlyDictionary<string, string> values, string missing) =>
        Parameter().Replace(pattern, m => values.TryGetValue(Key(pattern, m), out var v) ? v : missing);

    public static async Task<IReadOnlyDictionary<string, string>> RouteValuesAsync(CivicGridFactory site) => await site.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<CivicGridDbContext>();
        var grid = await db.TerritoryNodes.Where(n => n.Level == TerritoryLevel.Grid).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync();
        var caseId = await db.Cases.OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync();
        var values = new Dictionary<string, string>
        {
            ["residents/id"] = Text(await db.Residents.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()),
            ["households/id"] = Text(await db.Households.OrderBy(h => h.Id).Select(h => h.Id).FirstAsync()),
            ["buildings/id"] = Text(await db.Buildings.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync()),
            ["enterprises/id"] = Text(await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync()),
            ["facilities/id"] = Text(await db.Facilities.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync()),
            ["services/id"] = Text(await db.ServiceItems.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync()),
            ["services/code"] = "0101",
            ["departments/code"] = "CG",
            ["territory/code"] = grid,
            ["code"] = grid,
            ["kind"] = "Residents",
            ["token"] = "no-such-token",
            ["accounts/id"] = await db.Users.OrderBy(u => u.UserName).Select(u => u.Id).FirstOrDefaultAsync() ?? "no-such-account",
        };
        if (caseId is { } id)
        {
            values["cases/id"] = Text(id);
            values["requests/id"] = Text(id);
        }
        if (await db.LifeEvents.OrderBy(e => e.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync() is { } lifeEvent)
        {
            values["life-events/id"] = Text(lifeEvent);
        }
        if (await db.DeliberationDays.OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync() is { } day)
        {
            values["deliberation/id"] = Text(day);
            values["deliberation-days/id"] = Text(day);
        }
        values["buildingid"] = values["buildings/id"];
        values["enterpriseid"] = values["enterprises/id"];
        values["enterprise-needs/id"] = Text(await NeedAsync(sp, db));
        values["challenges/id"] = Text(await ChallengeAsync(sp, db));
        values["projects/id"] = Text(await ProjectAsync(sp, db));
        // The demo's old-age allowance and its first payment list (the tiny demo has a few months of them).
        values["cash/code"] = "S01";
        values["lists/id"] = Text(await db.PaymentLists.OrderBy(l => l.Id).Select(l => (int?)l.Id).FirstOrDefaultAsync() ?? 404404);
        // No session in the tests' district: the session routes are still asked, and must answer a 404, not fail.
        values["sessions/id"] = "1";
        values["sessionid"] = "1";
        values["communities/code"] = grid[..12];
        values["householdid"] = values["households/id"];
        values["enterpriseid"] = Text(await db.Enterprises.OrderBy(e => e.RegisteredAddress == e.OfficeAddress).ThenBy(e => e.Id).Select(e => e.Id).FirstAsync());
        var review = await ReviewAsync(sp, db);
        values["reviews/id"] = Text(review);
        values["units/code"] = await db.AssessmentResults.Where(r => r.ReviewId == review).OrderBy(r => r.Rank).Select(r => r.UnitCode).FirstAsync();
        values["schemes/id"] = Text(await db.AssessmentSchemes.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        if (await db.CaseAttachments.OrderBy(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync() is { } attachment)
        {
            values["attachments/id"] = attachment;
        }
        return (IReadOnlyDictionary<string, string>)values;
    });

    /// <summary>A published review to crawl: the first there is, or the demo's example run as the system (the tiny demo has none).</summary>
    private static async Task<int> ReviewAsync(IServiceProvider sp, CivicGridDbContext db) =>
        await db.AssessmentReviews.OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync()
            ?? await sp.GetRequiredService<SeedDemoAssessmentHandler>().HandleAsync(new SeedDemoAssessment(), CancellationToken.None);

    /// <summary>A need to crawl: the first there is, or one raised for the first enterprise (the tiny demo has no lists).</summary>
    private static async Task<int> NeedAsync(IServiceProvider sp, CivicGridDbContext db)
    {
        if (await db.EnterpriseNeeds.OrderBy(n => n.Id).Select(n => (int?)n.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }
        var firm = await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var raised = await sp.GetRequiredService<RaiseNeedHandler>().HandleAsync(
            new RaiseNeed(firm, StandardNeedCategories.Hiring, "招聘会计，联系人身份证 330105199001011234，电话 13812345678"), CancellationToken.None);
        return raised.Value!.Id;
    }

    /// <summary>A challenge to crawl: the first there is, or one published as the district (the tiny demo has none).</summary>
    private static async Task<int> ChallengeAsync(IServiceProvider sp, CivicGridDbContext db)
    {
        if (await db.Challenges.OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }
        var community = await db.BusinessCommunities.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var published = await sp.GetRequiredService<PublishChallengeHandler>().HandleAsync(
            new PublishChallenge("楼宇午餐难", "为楼宇员工对接团餐，联系人电话 13812345678", "年度共建单位", BusinessCommunityId: community), CancellationToken.None);
        return published.Value!.Id;
    }

    /// <summary>A major project to crawl: the first there is, or one registered as the district (the tiny demo has none).</summary>
    private static async Task<int> ProjectAsync(IServiceProvider sp, CivicGridDbContext db)
    {
        if (await db.MajorProjects.OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }
        var community = await db.TerritoryNodes.Where(n => n.Level == TerritoryLevel.Community).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync();
        var saved = await sp.GetRequiredService<SaveProjectHandler>().HandleAsync(new SaveProject(null,
            new ProjectRequest("CRAWL-1", "运河数智产业园", "杭州运河数智科技有限公司", "数字经济", community, 30.32, 120.15)
            {
                PlannedInvestment = CivicGrid.Core.Enterprises.Money.TenThousandYuan(1_000), ContactName = "王经理", ContactPhone = "13812345678",
                Gates = [new GateDates(ProjectStage.Signed, null, new DateOnly(2026, 1, 10))],
            }), CancellationToken.None);
        return saved.Value;
    }

    private static string Text(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The body as text; an .xlsx is a zip of XML parts, read part by part.</summary>
    private static string Text(byte[] bytes)
    {
        if (bytes is not [(byte)'P', (byte)'K', ..])
        {
            return Encoding.UTF8.GetString(bytes);
        }
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.AppendLine(reader.ReadToEnd());
        }
        return text.ToString();
    }
}
