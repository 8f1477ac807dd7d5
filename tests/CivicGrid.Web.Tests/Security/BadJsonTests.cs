using System.Net.Http.Json;
using System.Text;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Security;

/// <summary>
/// Malformed, mistyped, incomplete, oversized and deeply nested JSON sent to representative endpoints. Each gets 400
/// (413 when too large, 415 when not JSON) with problem details whose reason is Chinese and names the field; never a
/// 500 or a bare 400; nothing is saved.
/// </summary>
public class BadJsonTests
{
    private const string Corpus = "json";

    /// <summary>One bad request: method, path and body (with placeholders: {resident} is a resident's id, see <see cref="CorpusRecords"/>), media type, expected status and the field it names (null: the body as a whole).</summary>
    private sealed record BadRequest(string Method, string Path, string Body, int Status, string? Field, string ContentType = "application/json");

    private const string Case = """{"itemCode":"0101","description":"楼上邻居装修噪音，影响休息",""";

    private static string Service(string theme = "0", string publish = "false") =>
        $$"""{"code":"BAD01","name":"测试服务","description":"说明","theme":{{theme}},"mode":0,"limitedPlaces":false,"openedBy":0,"ruleText":"age >= 80","facilityTypes":["centre"],"publish":{{publish}}}""";

    private static string Nested(int depth) => $$"""{"itemCode":"0101","description":"楼上邻居装修噪音","answers":{{new string('[', depth)}}{{new string(']', depth)}}}""";

    private static readonly Dictionary<string, BadRequest> Requests = new()
    {
        // POST /api/cases
        ["case-truncated"] = new("POST", "/api/cases", """{"itemCode":"0101","description":""", 400, null),
        ["case-not-json"] = new("POST", "/api/cases", "itemCode=0101&description=吵", 400, null),
        ["case-trailing-comma"] = new("POST", "/api/cases", """{"itemCode":"0101",}""", 400, null),
        ["case-latitude-text"] = new("POST", "/api/cases", Case + "\"latitude\":\"北纬30度\",\"longitude\":120.1}", 400, "latitude"),
        ["case-answers-array"] = new("POST", "/api/cases", Case + "\"latitude\":30.3,\"longitude\":120.1,\"answers\":[1,2]}", 400, "answers"),
        ["case-item-number"] = new("POST", "/api/cases", """{"itemCode":101,"description":"楼上邻居装修噪音"}""", 400, "itemCode"),
        ["case-empty-object"] = new("POST", "/api/cases", "{}", 400, "ItemCode"),
        ["case-null"] = new("POST", "/api/cases", "null", 400, "body"),
        ["case-empty-body"] = new("POST", "/api/cases", "", 400, "body"),
        ["case-array-body"] = new("POST", "/api/cases", "[]", 400, null),
        ["case-text-plain"] = new("POST", "/api/cases", Case + "\"latitude\":30.3,\"longitude\":120.1}", 415, "body", "text/plain"),
        ["case-deep-nesting"] = new("POST", "/api/cases", Nested(200), 400, null),
        ["case-oversized"] = new("POST", "/api/cases", $$"""{"itemCode":"0101","description":"{{new string('吵', 700_000)}}"}""", 413, "body"),
        ["case-description-too-long"] = new("POST", "/api/cases", $$"""{"itemCode":"0101","description":"{{new string('吵', 3000)}}","address":"小河路1号"}""", 400, "Description"),
        ["case-bad-number-query"] = new("GET", "/api/cases?page=abc", "", 400, "page"),
        ["resident-bad-stage-query"] = new("GET", "/api/residents?q=王&stage=火星", "", 400, "stage"),
        // PUT /api/residents/{id}
        ["resident-unknown-type"] = new("PUT", "/api/residents/{resident}", """{"residenceType":"火星"}""", 400, "ResidenceType"),
        ["resident-missing-type"] = new("PUT", "/api/residents/{resident}", """{"phone":"13812345678"}""", 400, "ResidenceType"),
        ["resident-bad-date"] = new("PUT", "/api/residents/{resident}", """{"residenceType":"户籍","moveInDate":"2026-13-45"}""", 400, "moveInDate"),
        ["resident-tags-not-list"] = new("PUT", "/api/residents/{resident}", """{"residenceType":"户籍","tags":"低保"}""", 400, "tags"),
        ["resident-bad-phone"] = new("PUT", "/api/residents/{resident}", """{"residenceType":"户籍","phone":"12345"}""", 400, "Phone"),
        // POST /api/residents/register
        ["register-empty-object"] = new("POST", "/api/residents/register", "{}", 400, "Name"),
        ["register-formula-name"] = new("POST", "/api/residents/register", """{"name":"=HYPERLINK(\"http://example.com\")","idNumber":"11010519491231002X","householdCode":"无","relation":"户主","residenceType":"户籍","tags":[]}""", 400, "Name"),
        ["register-tags-null"] = new("POST", "/api/residents/register", """{"name":"王小明","idNumber":"123","householdCode":"无","relation":"户主","residenceType":"户籍","tags":null}""", 400, "IdNumber"),
        // POST /api/services and the rule preview
        ["service-unknown-enum-name"] = new("POST", "/api/services", Service(theme: "\"Nonsense\""), 400, "theme"),
        ["service-enum-out-of-range"] = new("POST", "/api/services", Service(theme: "999"), 400, "Theme"),
        ["service-bool-as-text"] = new("POST", "/api/services", Service(publish: "\"yes\""), 400, "publish"),
        ["service-empty-object"] = new("POST", "/api/services", "{}", 400, "Code"),
        ["service-bad-rule"] = new("POST", "/api/services", Service().Replace("age >= 80", "age >=", StringComparison.Ordinal), 400, "RuleText"),
        ["rule-preview-number"] = new("POST", "/api/rules/preview", """{"text":5}""", 400, "text"),
        // POST /api/facilities
        ["facility-latitude-text"] = new("POST", "/api/facilities", """{"name":"阵地","latitude":"三十"}""", 400, "latitude"),
        ["facility-capacity-fraction"] = new("POST", "/api/facilities", """{"name":"阵地","capacity":1.5}""", 400, "capacity"),
        ["facility-services-object"] = new("POST", "/api/facilities", """{"name":"阵地","services":{"a":1}}""", 400, "services"),
        ["facility-empty-object"] = new("POST", "/api/facilities", "{}", 400, "Name"),
        // POST /api/admin/webhooks
        ["webhook-truncated"] = new("POST", "/api/admin/webhooks", """{"name":"热线","url":"https://""", 400, null),
        ["webhook-name-number"] = new("POST", "/api/admin/webhooks", """{"name":1,"url":"https://example.com/hook"}""", 400, "name"),
        ["webhook-missing-url"] = new("POST", "/api/admin/webhooks", """{"name":"热线"}""", 400, "Url"),
        ["webhook-not-a-url"] = new("POST", "/api/admin/webhooks", """{"name":"热线","url":"javascript:alert(1)"}""", 400, "Url"),
        // Fields left out, null or out of range where the handler used to take a default (0, false, the first enum
        // value), save it, or throw: each is named now. Placeholders are records of the site (CorpusRecords).
        ["deliberation-item-empty"] = new("PUT", "/api/admin/deliberation-items/0303", "{}", 400, "DefaultHandling"),
        ["deliberation-item-flags-missing"] = new("PUT", "/api/admin/deliberation-items/0303", """{"defaultHandling":"Community","responseHours":24,"resolveDays":15}""", 400, "MayDeliberate"),
        ["deliberation-item-hours-missing"] = new("PUT", "/api/admin/deliberation-items/0303", """{"defaultHandling":"Community","resolveDays":15,"mayDeliberate":true,"active":true}""", 400, "ResponseHours"),
        ["holiday-empty"] = new("PUT", "/api/admin/holidays/2026-10-09", "{}", 400, "Name"),
        ["hotspot-task-empty"] = new("POST", "/api/hotspots/tasks", "{}", 400, "ItemCode"),
        ["hotspot-task-grid-number"] = new("POST", "/api/hotspots/tasks", """{"itemCode":"0101","gridCode":3301}""", 400, "gridCode"),
        ["think-tank-group-empty"] = new("POST", "/api/admin/think-tank-groups", "{}", 400, "Name"),
        ["think-tank-group-name-null"] = new("PUT", "/api/admin/think-tank-groups/{group}", """{"name":null}""", 400, "Name"),
        ["deliberation-day-date-missing"] = new("POST", "/api/deliberation-days", """{"hostCode":"{community}","title":"议事会"}""", 400, "Date"),
        ["deliberation-day-empty"] = new("POST", "/api/deliberation-days", "{}", 400, "HostCode"),
        ["participant-empty"] = new("POST", "/api/deliberation-days/{day}/participants", "{}", 400, "Name"),
        ["option-case-missing"] = new("POST", "/api/deliberation-days/{day}/options", """{"text":"划设临时停车位"}""", 400, "CaseId"),
        ["votes-missing"] = new("POST", "/api/deliberation-days/{day}/options/{option}/votes", """{"chosen":true}""", 400, "Votes"),
        ["minutes-missing"] = new("POST", "/api/deliberation-days/{day}/minutes", """{"held":false}""", 400, "Minutes"),
        ["plan-task-empty"] = new("POST", "/api/deliberation-days/{day}/tasks", "{}", 400, "DueDate"),
        ["plan-task-case-null"] = new("POST", "/api/deliberation-days/{day}/tasks", """{"caseId":null,"title":"施划车位","owner":"物业","dueDate":"2026-12-20"}""", 400, "CaseId"),
        ["enrolment-move-missing"] = new("POST", "/api/enrolments/{enrolment}/moves", """{"version":{version}}""", 400, "Move"),
        ["enrolment-version-missing"] = new("POST", "/api/enrolments/{enrolment}/moves", """{"move":1}""", 400, "Version"),
        ["enrolment-move-out-of-range"] = new("POST", "/api/enrolments/{enrolment}/moves", """{"move":99,"version":{version}}""", 400, "Move"),
        ["life-event-empty"] = new("POST", "/api/residents/{resident}/life-events", "{}", 400, "Kind"),
        ["life-event-kind-out-of-range"] = new("POST", "/api/residents/{resident}/life-events", """{"kind":99,"occurredOn":"2026-11-01"}""", 400, "Kind"),
        ["life-event-date-missing"] = new("POST", "/api/residents/{resident}/life-events", """{"kind":7}""", 400, "OccurredOn"),
        ["bundle-null-element"] = new("POST", "/api/life-events/{lifeEvent}/accept", "[null]", 400, "Matters"),
        ["bundle-resident-missing"] = new("POST", "/api/life-events/{lifeEvent}/accept", """[{"serviceId":{service}}]""", 400, "Matters"),
        ["resident-tags-null-element"] = new("PUT", "/api/residents/{resident}", """{"residenceType":"户籍","tags":[null]}""", 400, "Tags"),
        ["register-tags-null-element"] = new("POST", "/api/residents/register", """{"name":"王小明","idNumber":"11010519491231002X","householdCode":"{household}","relation":"子女","residenceType":"户籍","tags":[null]}""", 400, "Tags"),
        ["facility-services-null-element"] = new("POST", "/api/facilities", """{"name":"阵地","services":[null]}""", 400, "services"),
        ["service-theme-missing"] = new("POST", "/api/services", Service().Replace("\"theme\":0,", "", StringComparison.Ordinal), 400, "Theme"),
        ["service-mode-null"] = new("POST", "/api/services", Service().Replace("\"mode\":0", "\"mode\":null", StringComparison.Ordinal), 400, "Mode"),
    };

    public static TheoryData<DatabaseKind, string> Cases() => CorpusCases.OnBothEngines(Requests.Keys);

    [Theory, MemberData(nameof(Cases))]
    public async Task ABadBodyGetsAChineseProblemNamingTheFieldAndNothingIsSaved(DatabaseKind kind, string name)
    {
        var request = Requests[name];
        var site = await CorpusSite.ForAsync(kind, Corpus);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var records = await CorpusRecords.OfAsync(site);
        var before = await TableCounts.OfAsync(site);

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), records.Fill(request.Path));
        if (request.Method != "GET")
        {
            message.Content = new StringContent(records.Fill(request.Body), Encoding.UTF8, request.ContentType);
        }
        var response = await admin.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(request.Status == (int)response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Chinese.Asserted(body);
        var reasons = Chinese.Problem(body);
        Chinese.Asserted(string.Join("", reasons.Values));
        if (request.Field is not null)
        {
            Assert.True(reasons.ContainsKey(request.Field), $"no reason for {request.Field} in {body}");
        }
        Assert.Equal(before, await TableCounts.OfAsync(site));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AWellFormedCaseStillGoesThrough(DatabaseKind kind)
    {
        var site = await CorpusSite.ForAsync(kind, Corpus);
        var grid = (await site.GridsAsync())[0];
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var response = await admin.PostAsJsonAsync("/api/cases", new { itemCode = "0101", description = "楼上邻居装修噪音，影响休息", latitude = grid.Latitude, longitude = grid.Longitude });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
