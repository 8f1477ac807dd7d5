using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivicGrid.App.CashBenefits;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.People;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.CashBenefits;

/// <summary>
/// The cash pages on both engines: the schedule editor refuses by field and saves versions, a street's list is built from
/// its page, approved by the street and then by someone else for the district (the same person is refused in Chinese),
/// exported from the page's form with its checksum, and every page opens in Chinese and in English.
/// </summary>
public class CashPagesTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheScheduleIsSetAndAStreetsListIsBuiltApprovedTwiceAndExportedFromThePages(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var (street, grid) = await StreetAsync(site);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var official = await site.CreateClientAsync(StaffRole.StreetOfficial, street);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid);

        var refused = await PageForms.SubmitAsync(admin, "/cash/S01/schedule", "schedule",
            Schedule(("age >= 80", "100"), ("age >= 90", "-5")));
        var refusal = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("第 2 档金额不能为负数（-5.00 元）", refusal, StringComparison.Ordinal);
        Assert.Contains("重叠", refusal, StringComparison.Ordinal);
        Assert.Empty(await admin.GetFromJsonAsync<JsonElement[]>("/api/cash/S01/schedule") ?? []);
        var badArrears = await (await PageForms.SubmitAsync(admin, "/cash/S01/schedule", "schedule",
            Schedule(("age >= 80", "100")).Select(f => f.Key == "Input.ArrearsMonths" ? new KeyValuePair<string, string>(f.Key, "99") : f))).Content.ReadAsStringAsync();
        Assert.Contains("data-field=\"arrearsMonths\">补发月数应为 0 到 36 之间的整数", badArrears, StringComparison.Ordinal);

        var saved = await PageForms.SubmitAsync(admin, "/cash/S01/schedule", "schedule",
            Schedule(("age >= 80 and age < 90", "100"), ("age >= 90 and age < 100", "200"), ("age >= 100", "500")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("v1", await admin.GetStringAsync("/cash/S01/schedule"), StringComparison.Ordinal);

        var built = await PageForms.SubmitAsync(official, "/cash/S01", "build", [new("Input.Street", street), new("Input.Month", "2026-11")]);
        Assert.Equal(HttpStatusCode.Redirect, built.StatusCode);
        var listPath = built.Headers.Location!.OriginalString.Split('?')[0].TrimStart('/');
        var id = int.Parse(listPath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var expected = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().PaymentLines.CountAsync(l => l.PaymentListId == id));
        Assert.True(expected > 0);
        var page = await official.GetStringAsync($"/cash/lists/{id}");
        Assert.Contains($"<dd class=\"col-7 col-md-2\" id=\"line-count\">{expected}</dd>", page, StringComparison.Ordinal);
        Assert.Contains("草稿", page, StringComparison.Ordinal);

        await ActAsync(official, id, "StreetApprove");
        Assert.DoesNotContain("id=\"act-DistrictApprove\"", await official.GetStringAsync($"/cash/lists/{id}"), StringComparison.Ordinal);
        await ActAsync(admin, id, "DistrictApprove");
        var approved = await admin.GetStringAsync($"/cash/lists/{id}");
        Assert.Contains("区级已审批", approved, StringComparison.Ordinal);
        Assert.Contains("id=\"export-form\"", approved, StringComparison.Ordinal);

        var file = await admin.PostAsync($"/api/cash/lists/{id}/bank-file", new FormUrlEncodedContent([new("format", "csv")]));
        var csv = Encoding.UTF8.GetString(await file.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Contains($"合计,{expected} 笔", csv, StringComparison.Ordinal);
        var checksum = file.Headers.GetValues("X-Checksum-SHA256").Single();
        Assert.Contains(checksum, await admin.GetStringAsync($"/cash/lists/{id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.PostAsync($"/api/cash/lists/{id}/bank-file", new FormUrlEncodedContent([new("format", "csv")]))).StatusCode);

        Assert.Contains("覆盖率", await official.GetStringAsync("/cash/S01"), StringComparison.Ordinal);
        Assert.Contains("暂无待处理记录。", await worker.GetStringAsync("/cash/failures"), StringComparison.Ordinal);
        await admin.GetAsync($"/culture/en-US?returnUrl=/cash/lists/{id}");
        var english = await admin.GetStringAsync($"/cash/lists/{id}");
        Assert.Contains("Exported, awaiting the bank", english, StringComparison.Ordinal);
        Assert.Contains("Export the bank file", english, StringComparison.Ordinal);
        Assert.Contains("Coverage", await admin.GetStringAsync("/cash/S01"), StringComparison.Ordinal);
        Assert.Contains("Benefit schedule", await admin.GetStringAsync("/cash/S01/schedule"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheSamePersonCannotApproveForTheStreetAndForTheDistrict(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var (street, _) = await StreetAsync(site);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        (await admin.PostAsJsonAsync("/api/cash/S01/schedule", new
        {
            tiers = new[] { new { rule = "age >= 80", amount = "100" } }, period = "Monthly", start = "MonthAfterQualifying",
            effectiveFrom = "2026-11", arrearsMonths = 0, stopsOnMoveOut = true,
        })).EnsureSuccessStatusCode();
        var list = await (await admin.PostAsJsonAsync("/api/cash/S01/lists", new { streetCode = street, month = "2026-11" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = list.GetProperty("id").GetInt32();

        await ActAsync(admin, id, "StreetApprove");
        var page = await (await PageForms.SubmitAsync(admin, $"/cash/lists/{id}", "act-DistrictApprove",
            [new("Version", (await ListVersionAsync(admin, id)).ToString(System.Globalization.CultureInfo.InvariantCulture))])).Content.ReadAsStringAsync();

        Assert.Contains("两级审批须由不同的人完成", page, StringComparison.Ordinal);
        Assert.Contains("街道已审核", page, StringComparison.Ordinal);
    }

    private static IEnumerable<KeyValuePair<string, string>> Schedule(params (string Rule, string Amount)[] tiers)
    {
        for (var i = 0; i < tiers.Length; i++)
        {
            yield return new($"Input.Rules[{i}]", tiers[i].Rule);
            yield return new($"Input.Amounts[{i}]", tiers[i].Amount);
        }
        yield return new("Input.Period", "Monthly");
        yield return new("Input.Start", "MonthAfterQualifying");
        yield return new("Input.EffectiveFrom", "2026-11");
        yield return new("Input.ArrearsMonths", "0");
        yield return new("Input.StopsOnMoveOut", "true");
    }

    private static async Task ActAsync(HttpClient client, int id, string action)
    {
        var response = await PageForms.SubmitAsync(client, $"/cash/lists/{id}", $"act-{action}",
            [new("Version", (await ListVersionAsync(client, id)).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(page.Contains("id=\"done\"", StringComparison.Ordinal), page[..Math.Min(page.Length, 4000)]);
    }

    private static async Task<int> ListVersionAsync(HttpClient client, int id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/cash/lists/{id}")).GetProperty("list").GetProperty("version").GetInt32();

    /// <summary>The street with the most registered residents 80 or older at the end of October, and a grid of it.</summary>
    private static Task<(string Street, string Grid)> StreetAsync(CivicGridFactory site) => site.AsSystemAsync(async sp =>
    {
        var born = new DateOnly(2026, 10, 31).AddYears(-80);
        var old = await sp.GetRequiredService<CivicGridDbContext>().Residents
            .Where(r => r.DepartedOn == null && r.ResidenceType == ResidenceType.Registered && r.BirthDate <= born)
            .Select(r => r.GridCode).ToListAsync();
        var street = old.GroupBy(g => g[..9]).OrderByDescending(g => g.Count()).First();
        return (street.Key, street.First());
    });
}
