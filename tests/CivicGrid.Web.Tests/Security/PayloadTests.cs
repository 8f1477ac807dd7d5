using System.Net;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Security;

public class PayloadTests
{
    public static TheoryData<DatabaseKind, string> Payloads()
    {
        var data = new TheoryData<DatabaseKind, string>();
        foreach (var kind in new[] { DatabaseKind.Sqlite, DatabaseKind.Postgres })
        {
            data.Add(kind, "<script>x()</script>");
            data.Add(kind, "\"><svg onload=x()>");
            data.Add(kind, "'><img src=x onerror=x()>");
        }
        return data;
    }

    [Theory, MemberData(nameof(Payloads))]
    public async Task ScriptAndHtmlTypedIntoEveryInputComeBackAsText(DatabaseKind kind, string payload)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var caseId = await SiteContent.FillAsync(site, payload);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");

        var pages = await SiteCrawl.VisitAsync(site, admin);
        var html = pages.Where(p => p.ContentType == "text/html" && p.Status == 200).ToList();
        var encoded = System.Text.Encodings.Web.HtmlEncoder.Default.Encode(payload);

        foreach (var page in html)
        {
            Assert.DoesNotContain(payload, page.Body, StringComparison.Ordinal);
        }
        foreach (var page in pages.Where(p => p.ContentType.Contains("json", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("<", page.Body[..Math.Min(1, page.Body.Length)], StringComparison.Ordinal);
        }
        var shown = html.Where(p => p.Body.Contains(encoded, StringComparison.Ordinal)).Select(p => p.Url).ToList();
        var expected = new[] { $"/cases/{caseId}", "/admin/tags", "/admin/webhooks", "/deliberation/", "/residents", "/households/", "/life-events/", "/facilities" };
        var missing = expected.Where(e => !shown.Any(u => u.StartsWith(e, StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, $"not shown on {string.Join(", ", missing)}; shown on {string.Join(", ", shown)}");
        Assert.All(pages, p => Assert.True(p.Status < 500, $"{p.Url}: {p.Status}"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/cases/{caseId}")).StatusCode);
    }
}
