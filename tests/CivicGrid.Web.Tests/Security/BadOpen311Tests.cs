using System.Net.Http.Headers;
using System.Text;
using CivicGrid.Testing;
using CivicGrid.Web.Tests.Open311;

namespace CivicGrid.Web.Tests.Security;

/// <summary>
/// Malformed Open311 GeoReport v2 requests. Each gets the specification's error body (a list of code and description,
/// in the format the path asks for) with the right status and a Chinese description naming the field; nothing is saved.
/// </summary>
public class BadOpen311Tests
{
    private const string Corpus = "open311";

    /// <summary>One bad request: the path's format, how the valid complaint is spoiled (or a raw body), the status and a fragment of one description.</summary>
    private sealed record BadPost(string Format, Func<(string Name, string Value)[], (string Name, string Value)[]> Change, int Status, string Reason, HttpContent? Raw = null, string Path = "/open311/v2/requests");

    private static (string, string)[] Without((string Name, string Value)[] fields, string name) => fields.Where(f => f.Name != name).ToArray();

    private static (string, string)[] With((string Name, string Value)[] fields, string name, string value) => [.. Without(fields, name), (name, value)];

    private static StringContent Json() => new("""{"service_code":"0102","description":"楼下商铺深夜播放音乐"}""", Encoding.UTF8, "application/json");

    private static readonly Dictionary<string, BadPost> Posts = new()
    {
        ["missing-api-key-xml"] = new("xml", f => Without(f, "api_key"), 403, "缺少 api_key"),
        ["missing-api-key-json"] = new("json", f => Without(f, "api_key"), 403, "缺少 api_key"),
        ["wrong-api-key"] = new("json", f => With(f, "api_key", "not-a-key"), 403, "api_key 无效"),
        ["unknown-service-code"] = new("json", f => With(f, "service_code", "9999"), 400, "service_code："),
        ["missing-service-code"] = new("xml", f => Without(f, "service_code"), 400, "service_code："),
        ["latitude-out-of-range"] = new("json", f => With(f, "lat", "91"), 400, "lat 应为 -90 到 90"),
        ["longitude-out-of-range"] = new("xml", f => With(f, "long", "-180.5"), 400, "long 应为 -180 到 180"),
        ["latitude-not-numeric"] = new("xml", f => With(f, "lat", "北纬30度"), 400, "lat 应为"),
        ["latitude-nan"] = new("json", f => With(f, "lat", "NaN"), 400, "lat 应为"),
        ["longitude-infinity"] = new("json", f => With(f, "long", "Infinity"), 400, "long 应为"),
        ["latitude-without-longitude"] = new("json", f => Without(f, "long"), 400, "lat 与 long 须同时提供"),
        ["point-outside-district"] = new("json", f => With(With(f, "lat", "39.9"), "long", "116.4"), 400, "lat/long："),
        ["missing-required-attribute"] = new("xml", f => Without(f, "attribute[when]"), 400, "attribute[when]："),
        ["attribute-value-not-offered"] = new("json", f => With(f, "attribute[when]", "noon"), 400, "attribute[when]："),
        ["description-too-short"] = new("xml", f => With(f, "description", "吵"), 400, "description："),
        ["description-too-long"] = new("json", f => With(f, "description", new string('吵', 5000)), 400, "description："),
        ["bad-phone"] = new("json", f => With(f, "phone", "12345"), 400, "phone："),
        ["bad-email"] = new("xml", f => With(f, "email", "不是邮箱"), 400, "email："),
        ["name-too-long"] = new("json", f => With(f, "first_name", new string('名', 60)), 400, "姓名不能超过"),
        ["other-jurisdiction"] = new("xml", f => With(f, "jurisdiction_id", "110101"), 404, "jurisdiction_id"),
        ["unknown-format"] = new("xml", f => f, 404, "不支持的格式", Path: "/open311/v2/requests.yaml#"),
        ["json-body"] = new("json", f => f, 400, "表单提交", Json()),
        ["oversized-body"] = new("json", f => With(f, "description", new string('吵', 400_000)), 413, "请求内容过大"),
        ["too-many-fields"] = new("xml", f => [.. f, .. Enumerable.Range(0, 2000).Select(i => ($"attribute[x{i}]", "1"))], 413, "表单字段过多"),
        ["broken-form-encoding"] = new("json", f => f, 403, "api_key 无效", new StringContent("api_key=%ZZ%&&=&service_code", Encoding.UTF8, "application/x-www-form-urlencoded")),
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<DatabaseKind, Lazy<Task<string>>> Keys = new();

    /// <summary>One integration key per corpus site, issued before any case takes its counts.</summary>
    private static Task<string> KeyAsync(DatabaseKind kind, CivicGridFactory site) =>
        Keys.GetOrAdd(kind, _ => new Lazy<Task<string>>(() => Open311Steps.IssueKeyAsync(site))).Value;

    public static TheoryData<DatabaseKind, string> Cases() => CorpusCases.OnBothEngines(Posts.Keys);

    [Theory, MemberData(nameof(Cases))]
    public async Task ABadRequestGetsOpen311ErrorsWithTheRightStatusAndNothingIsSaved(DatabaseKind kind, string name)
    {
        var post = Posts[name];
        var site = await CorpusSite.ForAsync(kind, Corpus);
        var grid = (await site.GridsAsync())[0];
        var key = await KeyAsync(kind, site);
        var client = site.CreateClient();
        var before = await TableCounts.OfAsync(site);

        var path = post.Path.EndsWith('#') ? post.Path.TrimEnd('#') : $"{post.Path}.{post.Format}";
        var content = post.Raw ?? new FormUrlEncodedContent(post.Change(Open311Steps.NoiseComplaint(key, grid)).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var response = await client.PostAsync(path, content);
        var errors = await Open311Steps.ErrorsAsync(response, post.Format, post.Status);

        Assert.NotEmpty(errors);
        Assert.All(errors, Chinese.Asserted);
        Assert.Contains(errors, e => e.Contains(post.Reason, StringComparison.Ordinal));
        Assert.Equal(before, await TableCounts.OfAsync(site));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnUnknownServiceDefinitionIsNotFoundInBothFormats(DatabaseKind kind)
    {
        var site = await CorpusSite.ForAsync(kind, Corpus);
        var client = site.CreateClient();
        foreach (var format in new[] { "xml", "json" })
        {
            var errors = await Open311Steps.ErrorsAsync(await client.GetAsync($"/open311/v2/services/9999.{format}"), format, 404);
            Assert.Contains("service_code 不存在", Assert.Single(errors), StringComparison.Ordinal);
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheCompleteComplaintIsAccepted(DatabaseKind kind)
    {
        var site = await CorpusSite.ForAsync(kind, Corpus);
        var grid = (await site.GridsAsync())[0];
        var key = await KeyAsync(kind, site);
        var response = await Open311Steps.PostAsync(site.CreateClient(), "json", Open311Steps.NoiseComplaint(key, grid));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Content.Headers.ContentType as MediaTypeHeaderValue);
    }
}
