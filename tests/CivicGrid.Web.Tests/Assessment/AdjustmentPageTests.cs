using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Assessment;

/// <summary>加减分 over HTTP on both engines: the page's form refuses by field, records, lists and withdraws; the API does the same.</summary>
public partial class AdjustmentPageTests
{
    [GeneratedRegex("data-adjustment=\"(\\d+)\"")]
    private static partial Regex AdjustmentId();

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheDistrictRecordsAPenaltyOnThePageAndWithdrawsItAndTheApiRefusesBadInput(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var community = (await site.GridsAsync())[0].Code[..12];
        var district = await site.CreateClientAsync(StaffRole.DistrictAdmin, community[..6]);
        var staff = await site.CreateClientAsync(StaffRole.CommunityStaff, community);
        var month = site.Clock.GetUtcNow().AddHours(8).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var scheme = await SchemeAsync(district);
        var path = $"/assessment/schemes/{scheme}/adjustments";

        var empty = await district.GetStringAsync(path);
        var refused = await (await PageForms.SubmitAsync(district, path, "adjustment", Form(community, month, "三分", "好"))).Content.ReadAsStringAsync();
        var badUnit = await (await PageForms.SubmitAsync(district, path, "adjustment", Form(community[..9], month, "-3", "辖区发生一起较大安全事故"))).Content.ReadAsStringAsync();
        var recorded = await PageForms.SubmitAsync(district, path, "adjustment", Form(community, month, "-3", "辖区发生一起较大安全事故"));
        var listed = await district.GetStringAsync(path);
        var id = AdjustmentId().Match(listed).Groups[1].Value;
        var withdrawn = await PageForms.SubmitAsync(district, path, $"withdraw-{id}", []);
        var after = await district.GetStringAsync(path);
        var staffPage = await staff.GetAsync(path);

        Assert.Contains("id=\"no-adjustments\"", empty, StringComparison.Ordinal);
        Assert.Contains($"value=\"{community}\"", empty, StringComparison.Ordinal);
        Assert.Contains("分值应为数字，减分写负数，例如 -2", refused, StringComparison.Ordinal);
        Assert.Contains("加分或减分必须写明理由（至少 4 个字）", refused, StringComparison.Ordinal);
        Assert.Contains("请选择本方案考核的单位", badUnit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Contains("recorded=", recorded.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("辖区发生一起较大安全事故", listed, StringComparison.Ordinal);
        Assert.Contains(">-3</span>", listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains("id=\"no-adjustments\"", after, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, staffPage.StatusCode);

        var api = $"/api/assessment/schemes/{scheme}/adjustments";
        var bad = await district.PostAsJsonAsync(api, new { periodStart = $"{month}-01", unitCode = community, points = 30, reason = "好" });
        var good = await district.PostAsJsonAsync(api, new { periodStart = $"{month}-01", unitCode = community, points = 2, reason = "获评区级文明社区", evidence = "区文明办通报" });
        var list = JsonDocument.Parse(await district.GetStringAsync(api)).RootElement;
        var staffList = await staff.GetAsync(api);
        var deleted = await district.DeleteAsync($"/api/assessment/adjustments/{await good.Content.ReadFromJsonAsync<int>()}");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("points", out _) && errors.TryGetProperty("reason", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var row = list.GetProperty("adjustments").GetProperty("items")[0];
        Assert.Equal((community, 2m, "区文明办通报"), (row.GetProperty("unitCode").GetString(), row.GetProperty("points").GetDecimal(), row.GetProperty("evidence").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, staffList.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
    }

    private static async Task<int> SchemeAsync(HttpClient district)
    {
        var saved = await district.PostAsJsonAsync("/api/assessment/schemes", new
        {
            definition = new
            {
                name = "社区五星三色月度考核", level = "Community",
                items = new[] { new { indicatorKey = "cases.resolutionRate", weight = 60, floor = 0.5, target = 1 }, new { indicatorKey = "cases.satisfactionRate", weight = 40, floor = 0.6, target = 1 } },
                starMinimums = new[] { 60, 70, 80, 90 },
                colours = new object[] { new { colour = "Green", minScore = 80 }, new { colour = "Yellow", minScore = 60 }, new { colour = "Red", minScore = 0 } },
            },
            publish = true,
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement.GetProperty("schemeId").GetInt32();
    }

    private static List<KeyValuePair<string, string>> Form(string unit, string month, string points, string reason) =>
        [new("Input.UnitCode", unit), new("Input.Month", month), new("Input.Points", points), new("Input.Reason", reason), new("Input.Evidence", "")];
}
