using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.PublicServices;

/// <summary>The rule as staff write it: the preview reads typed text for the builder and refuses values no one can have.</summary>
public class RuleDraftTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ThePreviewGivesTheBuilderTheTypedRuleOrNothingWhenItCannotShowIt(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");

        var typed = await PreviewAsync(admin, "age >= 90 and gender = '女'");
        var broken = await PreviewAsync(admin, "age >= 90 and gendr = '女'");

        var items = typed.GetProperty("builder").GetProperty("items");
        Assert.Equal("and", typed.GetProperty("builder").GetProperty("join").GetString());
        Assert.Equal(["age >= 90", "gender = 女"], items.EnumerateArray().Select(i => $"{i.GetProperty("field")} {i.GetProperty("op")} {i.GetProperty("value")}"));
        Assert.Equal(JsonValueKind.Null, broken.GetProperty("builder").ValueKind);
        Assert.NotEqual(0, broken.GetProperty("errors").GetArrayLength());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnAgeNoOneCanHaveIsRefusedWithTheAllowedRange(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");

        var preview = await PreviewAsync(admin, "age >= -5");
        var saved = await admin.PostAsJsonAsync("/api/services", new
        {
            code = "T02", name = "测试服务", description = "", theme = 0, mode = 0, limitedPlaces = false, openedBy = 0,
            ruleText = "household.size > 500", facilityTypes = new[] { "centre" }, publish = true,
        });

        Assert.Equal(["第8个字符“-5”：“年龄”不可能是 -5，应在 0 到 150 之间"], preview.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
        Assert.Contains("“家庭人数”不可能是 500，应在 0 到 100 之间", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ARuleAsLongAsTheFormAllowsIsCountedAndALongerOneIsRefusedInJson(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var densest = string.Join(" or ", Enumerable.Repeat("age=1", 4000 / 9));
        var pasted = string.Join(" or ", Enumerable.Range(0, 6000).Select(i => $"age = {i % 100}"));

        var counted = await PreviewAsync(admin, densest);
        var refused = await PreviewAsync(admin, pasted);

        Assert.InRange(densest.Length, 3900, 4000);
        Assert.Empty(counted.GetProperty("errors").EnumerateArray());
        Assert.Equal([$"第4001个字符：规则文本不能超过 4000 个字符（现有 {pasted.Length} 个），请拆分或合并条件"], refused.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
    }

    private static async Task<JsonElement> PreviewAsync(HttpClient client, string text)
    {
        var response = await client.PostAsJsonAsync("/api/rules/preview", new { text });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }
}
