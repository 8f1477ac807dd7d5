using System.Net;
using System.Text.RegularExpressions;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Assessment;

/// <summary>The assessment pages over HTTP on both engines: define, preview, publish, run, publish the month, see, object, answer.</summary>
public partial class AssessmentPageTests
{
    [GeneratedRegex(@"/assessment/(schemes|reviews)/(\d+)")]
    private static partial Regex IdIn();

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheDistrictDefinesAndRunsASchemeAndACommunitySeesItsStarsAndObjects(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var community = (await site.GridsAsync())[0].Code[..12];
        var district = await site.CreateClientAsync(StaffRole.DistrictAdmin, community[..6]);
        var staff = await site.CreateClientAsync(StaffRole.CommunityStaff, community);
        var month = site.Clock.GetUtcNow().AddHours(8).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var refused = await (await PageForms.SubmitAsync(district, "/assessment/schemes/new", "scheme", Scheme("55"))).Content.ReadAsStringAsync();
        var saved = await PageForms.SubmitAsync(district, "/assessment/schemes/new", "scheme", Scheme("60"));
        var schemePath = Location(saved);
        var scheme = await district.GetStringAsync(schemePath);
        var path = schemePath.Split('?')[0];
        var preview = await (await PageForms.SubmitAsync(district, path, "preview", [new("PreviewInput.Go", "1")])).Content.ReadAsStringAsync();
        var run = await PageForms.SubmitAsync(district, path, "run", [new("RunInput.Kind", "Monthly"), new("RunInput.Month", month)]);
        var reviewPath = Location(run);
        var staffBefore = await staff.GetAsync(reviewPath);
        await PageForms.SubmitAsync(district, reviewPath, "publish", [new("PublishInput.Go", "1")]);
        var mine = await staff.GetStringAsync("/assessment");
        var unitPath = $"{reviewPath}/units/{community}";
        var unit = await staff.GetStringAsync(unitPath);
        var objected = await (await PageForms.SubmitAsync(staff, unitPath, "objection", [new("Input.Reason", "本月有两件诉求属于物业合同纠纷，不应计入本社区")])).Content.ReadAsStringAsync();
        var review = await district.GetStringAsync(reviewPath);
        var objection = Regex.Match(review, "data-objection=\"(\\d+)\"").Groups[1].Value;
        await PageForms.SubmitAsync(district, reviewPath, $"answer-{objection}", [new("AnswerInput.Reply", "经核实，两件诉求均由本社区受理，维持原结果"), new("AnswerInput.Uphold", "false")]);
        var answered = await staff.GetStringAsync(unitPath);
        var otherUnit = await staff.GetAsync($"{reviewPath}/units/{community[..9]}999");
        var staffEditor = await staff.GetAsync(path);

        Assert.Contains("各指标权重合计为 95，应为 100", refused, StringComparison.Ordinal);
        Assert.Contains("已保存并发布第 1 版。", scheme, StringComparison.Ordinal);
        Assert.Contains("id=\"preview-period\"", preview, StringComparison.Ordinal);
        Assert.Contains($"data-unit=\"{community}\"", preview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, staffBefore.StatusCode);
        Assert.Contains("本单位星级", mine, StringComparison.Ordinal);
        Assert.Contains($"href=\"{unitPath.TrimStart('/')}\"", mine, StringComparison.Ordinal);
        Assert.Contains("得分说明", unit, StringComparison.Ordinal);
        Assert.Contains($"cases?under={community}&amp;from={month}&amp;to={month}", unit, StringComparison.Ordinal);
        Assert.Contains("id=\"objection-form\"", unit, StringComparison.Ordinal);
        Assert.Contains("本月有两件诉求属于物业合同纠纷", objected, StringComparison.Ordinal);
        Assert.Contains("经核实，两件诉求均由本社区受理，维持原结果", answered, StringComparison.Ordinal);
        Assert.Contains("异议不成立", answered, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherUnit.StatusCode);
        Assert.DoesNotContain("scheme-form", await staffEditor.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, staffEditor.StatusCode);
        var cases = await staff.GetStringAsync($"/cases?under={community}&from={month}&to={month}");
        Assert.Contains("id=\"case-period\"", cases, StringComparison.Ordinal);
    }

    private static string Location(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("http://localhost/"), response.Headers.Location!).PathAndQuery;
        Assert.Matches(IdIn(), location);
        return location;
    }

    private static List<KeyValuePair<string, string>> Scheme(string firstWeight) =>
    [
        new("Input.Name", "社区五星三色月度考核"), new("Input.Level", "Community"),
        new("Input.Lines[0].Key", "cases.resolutionRate"), new("Input.Lines[0].Weight", firstWeight), new("Input.Lines[0].Floor", "0.5"), new("Input.Lines[0].Target", "1"),
        new("Input.Lines[1].Key", "cases.satisfactionRate"), new("Input.Lines[1].Weight", "40"), new("Input.Lines[1].Floor", "0.6"), new("Input.Lines[1].Target", "1"),
        new("Input.Stars[0]", "60"), new("Input.Stars[1]", "70"), new("Input.Stars[2]", "80"), new("Input.Stars[3]", "90"),
        new("Input.Green", "80"), new("Input.Yellow", "60"), new("Input.Red", "0"), new("Input.Honour", "3"), new("Input.Black", "3"), new("Input.Action", "publish"),
    ];
}
