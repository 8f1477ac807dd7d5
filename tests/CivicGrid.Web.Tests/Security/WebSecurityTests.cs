using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using CivicGrid.Web.Access;

namespace CivicGrid.Web.Tests.Security;

public partial class WebSecurityTests
{
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EveryKindOfResponseCarriesTheSecurityHeadersAndPagesHaveNoInlineScript(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        using var anonymous = site.CreateClient();

        foreach (var (client, url) in new[] { (anonymous, "/account/login"), (admin, "/"), (admin, "/cases/new"), (admin, "/api/residents"), (admin, "/js/case-form.js"), (anonymous, "/open311/v2/services.json"), (anonymous, "/no-such-page") })
        {
            var response = await client.GetAsync(url);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var html = await response.Content.ReadAsStringAsync();
                Assert.False(InlineScript().IsMatch(html), $"{url} has an inline script");
                Assert.False(InlineHandler().IsMatch(html), $"{url} has an inline event handler");
            }
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task FormLikeApiRequestsNeedTheAntiforgeryTokenAndJsonOnesDoNot(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var userName = await site.CreateAccountAsync(StaffRole.GridWorker, grid.Code);
        using var client = site.CreateClient();
        (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = CivicGridFactory.Password })).EnsureSuccessStatusCode();
        var caseId = await CivicGridFactory.SubmitCaseAsync(client, grid);

        var upload = await client.PostAsync("/api/attachments", TestImages.AsUpload(TestImages.Jpeg()));
        var support = await client.PostAsync($"/api/cases/{caseId}/support", null);
        var import = await client.PostAsync("/api/imports/Residents", new MultipartFormDataContent { { new ByteArrayContent("a,b\n"u8.ToArray()), "file", "r.csv" } });
        await CivicGridFactory.AddRequestTokenAsync(client);
        var uploadWithToken = await client.PostAsync("/api/attachments", TestImages.AsUpload(TestImages.Jpeg()));

        foreach (var refused in new[] { upload, support, import })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(ApiAntiforgery.Problem, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.True(caseId > 0);
        Assert.Equal(HttpStatusCode.OK, uploadWithToken.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task SignedInPagesCarryTheTokenTheirScriptsSend(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);

        var page = await worker.GetStringAsync("/cases/new");

        Assert.Matches("<meta name=\"request-verification-token\" content=\"[^\"]{20,}\"", page);
        Assert.Contains("/js/request-token.js", page, StringComparison.Ordinal);
        Assert.Contains("id=\"keep-location\"", page, StringComparison.Ordinal);
    }
}
