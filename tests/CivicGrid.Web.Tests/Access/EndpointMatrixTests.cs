using System.Net;
using System.Net.Http.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using CivicGrid.Web.Tests.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Access;

/// <summary>
/// Every route the site maps, read or write, page or API, public or not, with who may call it. A route added without an
/// entry fails the first test; the second calls every route as everyone outside its audience (anonymous, and each role
/// the audience leaves out) and requires a refusal before anything runs, and as someone inside it for reads. Which rows
/// a permitted caller then sees is the scope tests' part (ScopeMatrixTests, CaseScopeTests, FirstDayLeakTests).
/// </summary>
public class EndpointMatrixTests
{
    public enum Audience
    {
        Anyone,
        SignedIn,
        Staff,
        SeesIndicators,
        ManagesPeople,
        Administers,
        DistrictAdmin,
        ActsForEnterprise,
        SeesEnterprises,
        KeepsEnterpriseLists,
        Imports,
        SweepsBuildings,
        SeesChallenges,
        SeesProjects,
        KeepsProjects,
        Residents,
        AdministersAccounts,
        PaysCash,
        ApprovesCash,
    }

    public static readonly IReadOnlyDictionary<string, Audience> Matrix = EndpointMatrix.Entries;

    private static bool IsIn(Audience audience, StaffRole role) => audience switch
    {
        Audience.Anyone or Audience.SignedIn => true,
        Audience.Staff => role.May(Permission.UseStaffPages),
        Audience.SeesIndicators => role.ManagesPeople() || role == StaffRole.CivicSupervisor,
        Audience.ManagesPeople => role.ManagesPeople(),
        Audience.Administers => role.MayAdminister(),
        Audience.ActsForEnterprise => role.May(Permission.ActForOwnEnterprise),
        Audience.SeesEnterprises => role.May(Permission.SeeEnterprises),
        Audience.KeepsEnterpriseLists => role.May(Permission.KeepEnterpriseLists),
        Audience.Imports => role.May(Permission.ImportFiles),
        Audience.SweepsBuildings => role.May(Permission.SweepBuildings),
        Audience.SeesChallenges => CivicGrid.Core.Enterprises.Challenges.ChallengePermissions.MaySee(role),
        Audience.SeesProjects => role.May(Permission.SeeProjects),
        Audience.KeepsProjects => role.May(Permission.KeepProjectPortfolio),
        Audience.Residents => role.May(Permission.ActForOwnHousehold),
        Audience.AdministersAccounts => role.AdministersAccounts(),
        Audience.PaysCash => role.May(Permission.PayCashBenefits),
        Audience.ApprovesCash => role.May(Permission.ApproveCashBenefits),
        _ => role == StaffRole.DistrictAdmin,
    };

    /// <summary>Each mapped route as "METHOD /pattern": not the framework's (/_…) nor static files.</summary>
    public static List<string> MappedRoutes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.Trim('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .Where(e => !e.Pattern.StartsWith("/_", StringComparison.Ordinal) && e.Pattern != "/{**path:file}"
                && (!e.Pattern.Contains('.', StringComparison.Ordinal) || e.Pattern.Contains("{format}", StringComparison.Ordinal)))
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Pattern}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EveryMappedRouteHasAnEntryAndEveryEntryIsMapped(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var mapped = MappedRoutes(site.Services);

        var missing = mapped.Where(r => !Matrix.ContainsKey(r)).ToList();
        var stale = Matrix.Keys.Where(r => !mapped.Contains(r)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Routes without an entry in EndpointMatrix:\n" + string.Join('\n', missing));
        Assert.True(stale.Count == 0, "Entries of EndpointMatrix that no route has:\n" + string.Join('\n', stale));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EveryRouteRefusesEveryoneOutsideItsAudienceAndLetsItsAudienceRead(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var grid = (await site.GridsAsync())[0].Code;
        var values = await SiteCrawl.RouteValuesAsync(site);
        var callers = new Dictionary<string, (HttpClient Client, StaffRole? Role)> { ["anonymous"] = (site.CreateClient(new() { AllowAutoRedirect = false }), null) };
        foreach (var role in Enum.GetValues<StaffRole>())
        {
            callers[role.ToString()] = (await site.CreateClientAsync(role, ScopeOf(role, grid), role == StaffRole.DepartmentHandler ? "CG" : null), role);
        }
        var failures = new List<string>();

        foreach (var (route, audience) in Matrix.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var (method, url) = Request(route, values);
            foreach (var (name, (client, role)) in callers)
            {
                var inside = audience == Audience.Anyone || (role is { } r && IsIn(audience, r));
                if (inside && method != "GET")
                {
                    continue;
                }
                using var response = await SendAsync(client, method, url);
                var refused = IsRefusal(response, role is null);
                if (refused == inside)
                {
                    failures.Add($"{route} as {name}: {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} routes answered outside their entry:\n" + string.Join('\n', failures));
    }

    private static string ScopeOf(StaffRole role, string grid) => role switch
    {
        StaffRole.DistrictAdmin or StaffRole.DepartmentHandler or StaffRole.ProjectOffice or StaffRole.ProjectCadre => grid[..6],
        StaffRole.StreetOfficial or StaffRole.CivicSupervisor or StaffRole.BusinessCommunityStaff or StaffRole.Runner => grid[..9],
        StaffRole.CommunityStaff => grid[..12],
        _ => grid,
    };

    /// <summary>Anonymous callers are sent to sign in (401 from the API), signed-in ones outside the audience refused (403).</summary>
    private static bool IsRefusal(HttpResponseMessage response, bool anonymous)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return anonymous
            ? response.StatusCode == HttpStatusCode.Unauthorized || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/login", StringComparison.Ordinal))
            : response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/denied", StringComparison.Ordinal));
    }

    private static (string Method, string Url) Request(string route, IReadOnlyDictionary<string, string> values)
    {
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        var url = SiteCrawl.Fill(route[(space + 1)..], values, "404404")
            .Replace("{format}", "json", StringComparison.Ordinal).Replace("{Code?}", "", StringComparison.Ordinal);
        return (route[..space], url);
    }

    /// <summary>Writes carry an empty JSON object, or an empty form where the route takes uploads (415 to JSON).</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        var response = method switch
        {
            "GET" => await client.GetAsync(url),
            "DELETE" => await client.DeleteAsync(url),
            "PUT" => await client.PutAsJsonAsync(url, new { }),
            _ => await client.PostAsJsonAsync(url, new { }),
        };
        if (response.StatusCode != HttpStatusCode.UnsupportedMediaType)
        {
            return response;
        }
        response.Dispose();
        using var form = new MultipartFormDataContent { { new StringContent(""), "note" } };
        return await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = form });
    }
}
