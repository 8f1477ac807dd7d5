using System.Text.RegularExpressions;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests;

public partial class TrustJourneyTests(ITestOutputHelper output)
{
    private static readonly string[] Pages =
        ["/", "/dashboard", "/cases", "/residents", "/facilities", "/services", "/coverage", "/import", "/deliberation", "/admin/audit", "/residents/register"];

    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task TheMainPagesRunUnderTheContentSecurityPolicyWithoutAConsoleErrorOrAMissingFile(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var admin = await site.SignInAsync(StaffRole.DistrictAdmin, "330105");
        var problems = new List<string>();
        // A script or style the policy blocks is reported on the console, as is every file the server does not have.
        admin.Console += (_, m) => { if (m.Type == "error") { problems.Add($"{admin.Url}: {m.Text}"); } };
        admin.Response += (_, r) => { if (r.Status >= 400) { problems.Add($"{r.Status} {r.Url}"); } };

        foreach (var path in Pages)
        {
            var response = await admin.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.Equal(200, response!.Status);
            Assert.Contains("script-src 'self'", await response.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        }

        Assert.Empty(problems);
    }

    [Theory, InlineData(DatabaseKind.Postgres)]
    public async Task AnOfficialSeesTheMaskedIdNumberAndRevealsItOnlyWithAReasonThatTheAuditLogShows(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var resident = await site.Factory.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Residents.IgnoreQueryFilters()
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.IdNumberMasked }).FirstAsync());
        var admin = await site.SignInAsync(StaffRole.DistrictAdmin, "330105");

        await admin.GotoAsync($"/residents/{resident.Id}");
        Assert.Contains(resident.IdNumberMasked, await admin.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.DoesNotMatch(FullIdNumber(), await admin.ContentAsync());

        await admin.ClickAsync("#reveal");
        Assert.Contains("事由", await admin.InnerTextAsync("#reveal-error"), StringComparison.Ordinal);
        Assert.DoesNotMatch(FullIdNumber(), await admin.ContentAsync());

        await admin.FillAsync("#reveal-reason", "核实困难救助申请");
        await admin.ClickAsync("#reveal");
        await admin.WaitForSelectorAsync("#reveal-error", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
        var full = FullIdNumber().Match(await admin.InnerTextAsync("main")).Value;
        Assert.Equal(resident.IdNumberMasked[..4], full[..4]);
        Assert.Equal(resident.IdNumberMasked[^4..], full[^4..]);

        await admin.GotoAsync("/admin/audit");
        Assert.Contains("核实困难救助申请", await admin.InnerTextAsync("main"), StringComparison.Ordinal);
        await BrowserSite.ScreenshotAsync(admin, "audit-after-reveal");
    }

    [GeneratedRegex(@"\b\d{17}[\dX]\b")]
    private static partial Regex FullIdNumber();
}
