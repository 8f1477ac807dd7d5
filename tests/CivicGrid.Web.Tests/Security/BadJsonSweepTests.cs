using System.Text;
using System.Text.Json.Nodes;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CivicGrid.Web.Tests.Security;

/// <summary>
/// Every endpoint that reads a JSON body, spoilt field by field from a good body: the empty object, each field left
/// out, each field null, each field of the wrong type, a null inside each list. A district admin sends them all; none
/// may answer 500, every refusal is problem details with a Chinese reason, and a 400 or 422 saves nothing. The list of
/// endpoints is checked against the site's own, so an endpoint added later without a good body here fails the sweep.
/// </summary>
public class BadJsonSweepTests(ITestOutputHelper output)
{
    private const string Corpus = "json-sweep";

    /// <summary>A good request to one endpoint: its path with record placeholders (see <see cref="CorpusRecords"/>) and a body that would be accepted.</summary>
    private sealed record Sample(string Path, string Body);

    private static readonly Dictionary<string, Sample> Samples = new()
    {
        ["POST /api/auth/login"] = new("/api/auth/login", """{"userName":"nobody","password":"wrong-password"}"""),
        ["POST /api/auth/login/two-factor"] = new("/api/auth/login/two-factor", """{"code":"123456","recoveryCode":null}"""),
        ["POST /api/auth/two-factor/enable"] = new("/api/auth/two-factor/enable", """{"code":"123456"}"""),
        ["POST /api/auth/two-factor/disable"] = new("/api/auth/two-factor/disable", """{"code":"123456"}"""),
        ["POST /api/auth/phone-code"] = new("/api/auth/phone-code", """{"phone":"13912345678","purpose":1}"""),
        ["POST /api/auth/register"] = new("/api/auth/register", """{"phone":"13912345678","code":"123456","name":"王小明","idNumber":"11010519491231002X","communityCode":"{community}","password":"Pale-harbour-lantern-7"}"""),
        ["POST /api/auth/reset-password"] = new("/api/auth/reset-password", """{"phone":"13912345678","code":"123456","password":"Pale-harbour-lantern-7"}"""),
        ["POST /api/resident-sign-ups/{id:int}/confirm"] = new("/api/resident-sign-ups/1/confirm", """{"residentId":{resident}}"""),
        ["POST /api/enterprise-needs/"] = new("/api/enterprise-needs", """{"enterpriseId":{enterprise},"creditCode":null,"categoryCode":"policy","description":"申报高新技术企业补贴","amountWan":null,"quantity":1,"source":"Staff"}"""),
        ["POST /api/enterprise-needs/{id:int}/moves"] = new("/api/enterprise-needs/{need}/moves", """{"action":"Escalate","offerId":null,"amountWan":null,"outcome":null,"grantedWan":null,"rating":null,"note":"社区资源中没有"}"""),
        ["POST /api/enterprise-offers/"] = new("/api/enterprise-offers", """{"name":"语料资源二","provider":"测试银行","kind":"CreditLine","categoryCodes":["financing"],"description":"说明","businessCommunityId":null,"places":null,"creditLineWan":1000,"minEmployees":null,"maxEmployees":null,"active":true}"""),
        ["PUT /api/enterprise-offers/{id:int}"] = new("/api/enterprise-offers/{offer}", """{"name":"语料资源三","provider":"测试机构","kind":"Service","categoryCodes":["policy"],"description":"说明","businessCommunityId":null,"places":5,"creditLineWan":null,"minEmployees":1,"maxEmployees":500,"active":true}"""),
        ["POST /api/challenges/"] = new("/api/challenges", """{"title":"语料榜单","description":"为楼宇企业对接实习生","reward":"年度共建单位","rewardWan":5,"businessCommunityId":{businessCommunity},"needId":null,"claimBy":null}"""),
        ["POST /api/challenges/{id:int}/moves"] = new("/api/challenges/{challenge}/moves", """{"action":"Claim","note":null,"solverName":"语料志愿团队","solverKind":"VolunteerTeam","score":null}"""),
        ["POST /api/address-alignment/{enterpriseId:int}/steps"] = new("/api/address-alignment/{misaligned}/steps", """{"action":"Contact","note":"电话联系"}"""),
        ["POST /api/projects/"] = new("/api/projects", """{"code":"JSON-1","name":"语料项目二","investor":"语料投资有限公司","sector":"数字经济","communityCode":"{community}","latitude":{latitude},"longitude":{longitude},"plannedWan":5000,"yearPlans":[{"year":2026,"plannedWan":1000}],"serviceGroupId":null,"leadCadreId":null,"contactName":"王经理","contactPhone":"13812345678","boundary":null,"gates":[{"stage":"Signed","plannedOn":null,"reachedOn":"2026-01-10"}],"version":null}"""),
        ["PUT /api/projects/{id:int}"] = new("/api/projects/{project}", """{"code":"CORPUS-1","name":"语料项目","investor":"语料投资有限公司","sector":"数字经济","communityCode":"{community}","latitude":{latitude},"longitude":{longitude},"plannedWan":10000,"yearPlans":[{"year":2026,"plannedWan":1000}],"serviceGroupId":null,"leadCadreId":null,"contactName":null,"contactPhone":null,"boundary":null,"gates":[{"stage":"Signed","plannedOn":null,"reachedOn":null}],"version":null}"""),
        ["POST /api/projects/{id:int}/moves"] = new("/api/projects/{project}/moves", """{"action":"PlanGates","note":"调整","stage":null,"on":null,"plans":[{"stage":"Started","plannedOn":"2027-03-01","reachedOn":null}],"version":null}"""),
        ["POST /api/projects/{id:int}/blockers/"] = new("/api/projects/{project}/blockers", """{"type":"Land","description":"地块内尚有两户未签约","attachments":[]}"""),
        ["POST /api/projects/{id:int}/progress"] = new("/api/projects/{project}/progress", """{"month":"2026-11-01","investmentWan":100,"stageReached":null,"stageReachedOn":null,"note":"说明","photos":[],"confirmed":false}"""),
        ["POST /api/wishes/"] = new("/api/wishes", """{"buildingId":{building},"themeCode":"lunch","text":"希望楼里有午餐"}"""),
        ["POST /api/enterprise-contacts/sign-up"] = new("/api/enterprise-contacts/sign-up", """{"creditCode":"91330105MA27XXXX0A","name":"王经理","phone":"13905710001","email":null}"""),
        ["POST /api/enterprise-contacts/sign-ups/{id:int}/decision"] = new("/api/enterprise-contacts/sign-ups/999999/decision", """{"approve":false,"note":"非本企业员工"}"""),
        ["POST /api/sweeps/visits"] = new("/api/sweeps/visits", """{"enterpriseId":{enterprise},"buildingId":{building},"metWhom":"行政主管","note":"说明","needs":[{"categoryCode":"policy","description":"申报补贴"}],"photos":[]}"""),
        ["POST /api/visit-plans/"] = new("/api/visit-plans", """{"householdId":{householdId},"visitedOn":"2026-11-23","metResidentId":null,"noOneHome":true,"situation":"无人在家，留下联系卡","need":"None","caseItemCode":null,"needDescription":null,"serviceItemId":null}"""),
        ["PUT /api/visit-plans/policy"] = new("/api/visit-plans/policy", """{"attentionRule":"(age >= 80 and lives_alone) or has_tag('残疾') or has_tag('失能') or has_tag('低保')","attentionEveryMonths":1,"othersEveryMonths":12,"since":"2026-01-01"}"""),
        ["POST /api/sweeps/assignments"] = new("/api/sweeps/assignments", """{"runner":"no-such-runner","buildingIds":[{building}],"since":"2026-11-01"}"""),
        ["POST /api/cases"] = new("/api/cases", """{"itemCode":"0101","description":"楼上邻居装修噪音，影响休息","latitude":{latitude},"longitude":{longitude},"address":"小河路1号","attachments":[],"answers":{"时段":"夜间"},"contactName":"王先生","contactPhone":"13812345678"}"""),
        ["POST /api/cases/{id:int}/actions"] = new("/api/cases/{agendaCase}/actions", """{"action":"RequestExtension","note":"等待材料","extensionDays":5,"attachments":[]}"""),
        ["POST /api/deliberation-days"] = new("/api/deliberation-days", """{"hostCode":"{community}","title":"议事会","date":"2026-12-01","place":"社区议事厅"}"""),
        ["POST /api/deliberation-days/{id:int}/participants"] = new("/api/deliberation-days/{day}/participants", """{"name":"王阿姨","groupId":{group}}"""),
        ["POST /api/deliberation-days/red-tea"] = new("/api/deliberation-days/red-tea", """{"businessCommunityId":{businessCommunity},"industryGroup":"人工智能","topic":"AI 企业招聘","description":"人才引进与用工","date":"2030-01-15","place":"商务社区会客厅"}"""),
        ["POST /api/deliberation-days/{id:int}/options"] = new("/api/deliberation-days/{day}/options", """{"caseId":{agendaCase},"text":"划设临时停车位","isConsensus":false}"""),
        ["POST /api/deliberation-days/{id:int}/options/{optionId:int}/votes"] = new("/api/deliberation-days/{day}/options/{option}/votes", """{"votes":12,"chosen":false}"""),
        ["POST /api/deliberation-days/{id:int}/minutes"] = new("/api/deliberation-days/{day}/minutes", """{"minutes":"12 票赞成","held":false}"""),
        ["POST /api/deliberation-days/{id:int}/tasks"] = new("/api/deliberation-days/{day}/tasks", """{"caseId":{agendaCase},"title":"施划车位","owner":"物业","dueDate":"2026-12-20"}"""),
        ["PUT /api/admin/holidays/{date}"] = new("/api/admin/holidays/2026-10-09", """{"name":"调休","isWorkday":true}"""),
        ["POST /api/admin/think-tank-groups"] = new("/api/admin/think-tank-groups", """{"name":"语料智囊团","description":"说明"}"""),
        ["PUT /api/admin/think-tank-groups/{id:int}"] = new("/api/admin/think-tank-groups/{group}", """{"name":"语料智囊团二","description":"说明"}"""),
        ["PUT /api/admin/deliberation-items/{code}"] = new("/api/admin/deliberation-items/0303", """{"defaultHandling":"Community","departmentCode":null,"responseHours":24,"resolveDays":15,"mayDeliberate":true,"active":true}"""),
        ["POST /api/admin/deliberation-items"] = new("/api/admin/deliberation-items", """{"code":"SW01","category":"语料类别","name":"语料事项","description":"说明","defaultHandling":"Department","departmentCode":"CG","responseHours":24,"resolveDays":15,"mayDeliberate":false,"public":true}"""),
        ["POST /api/admin/departments"] = new("/api/admin/departments", """{"code":"SWEEPD","name":"语料部门"}"""),
        ["PUT /api/admin/departments/{code}"] = new("/api/admin/departments/HB", """{"name":"生态环境分局"}"""),
        ["POST /api/grid-work/handover/preview"] = new("/api/grid-work/handover/preview", """{"from":"no-such-worker","to":"no-such-successor","newGridCode":"{grid}"}"""),
        ["POST /api/hotspots/tasks"] = new("/api/hotspots/tasks", """{"itemCode":"0101","gridCode":"{grid}"}"""),
        ["POST /api/grid-work/handover"] = new("/api/grid-work/handover", """{"from":"no-such-worker","to":"no-such-successor","newGridCode":"{grid}"}"""),
        ["POST /api/admin/webhooks/"] = new("/api/admin/webhooks", """{"name":"语料热线","url":"https://example.com/hook"}"""),
        ["POST /api/admin/integration-keys/"] = new("/api/admin/integration-keys", """{"name":"语料接入方"}"""),
        ["PUT /api/residents/{id:int}"] = new("/api/residents/{resident}", """{"phone":"13812345678","residenceType":"户籍","moveInDate":"2020-05-01","tags":["{tagName}"]}"""),
        ["POST /api/residents/{id:int}/reveal"] = new("/api/residents/{resident}/reveal", """{"reason":"核对身份"}"""),
        ["POST /api/tags"] = new("/api/tags", """{"name":"语料标签","description":"说明"}"""),
        ["PUT /api/tags/{id:int}"] = new("/api/tags/{tag}", """{"name":"语料标签二","description":"说明"}"""),
        ["POST /api/facilities/"] = new("/api/facilities", """{"name":"语料食堂","typeCode":"canteen","gridCode":"{grid}","address":"测试路1号","latitude":{latitude},"longitude":{longitude},"floorArea":250,"capacity":null,"openingHours":"10:30-13:00","operator":"测试公司","services":["S02"]}"""),
        ["PUT /api/facilities/{id:int}"] = new("/api/facilities/{facility}", """{"name":"语料食堂","typeCode":"canteen","gridCode":"{grid}","address":"测试路1号","latitude":{latitude},"longitude":{longitude},"floorArea":250,"capacity":null,"openingHours":"10:30-13:00","operator":"测试公司","services":["S02"]}"""),
        ["POST /api/services"] = new("/api/services", """{"code":"SWEEP1","name":"语料服务","description":"说明","theme":0,"mode":0,"limitedPlaces":false,"openedBy":0,"ruleText":"age >= 80","facilityTypes":["centre"],"publish":false}"""),
        ["PUT /api/services/{id:int}"] = new("/api/services/{service}", """{"code":"SWEEP2","name":"语料服务","description":"说明","theme":0,"mode":0,"limitedPlaces":false,"openedBy":0,"ruleText":"age >= 80","facilityTypes":["centre"],"publish":false}"""),
        ["POST /api/rules/preview"] = new("/api/rules/preview", """{"text":"age >= 80"}"""),
        ["POST /api/residents/register"] = new("/api/residents/register", """{"name":"王小明","idNumber":"11010519491231002X","phone":"13812345678","householdCode":"{household}","relation":"子女","residenceType":"户籍","moveInDate":"2026-11-01","tags":["{tagName}"]}"""),
        ["POST /api/residents/{id:int}/life-events"] = new("/api/residents/{resident}/life-events", """{"kind":7,"occurredOn":"2026-11-01"}"""),
        ["PUT /api/residents/{id:int}/account"] = new("/api/residents/{resident}/account", """{"userName":"no-such-account"}"""),
        ["POST /api/visit-tasks/{id:int}/done"] = new("/api/visit-tasks/{visitTask}/done", """{"note":"已上门"}"""),
        ["POST /api/enrolments/{id:int}/moves"] = new("/api/enrolments/{enrolment}/moves", """{"move":1,"version":{version}}"""),
        ["POST /api/admin/accounts/"] = new("/api/admin/accounts", """{"userName":"sweep.worker","displayName":"语料网格员","role":"GridWorker","scopeCode":"{grid}","departmentCode":null,"phone":"13812345679","email":"sweep@example.com"}"""),
        ["PUT /api/admin/accounts/{id}"] = new("/api/admin/accounts/{account}", """{"displayName":"语料网格员","role":"GridWorker","scopeCode":"{grid}","departmentCode":null,"phone":"13812345670","email":null}"""),
        ["POST /api/auth/password"] = new("/api/auth/password", """{"currentPassword":"not-the-password-1","newPassword":"Another-pass-9"}"""),
        ["POST /api/my/volunteer"] = new("/api/my/volunteer", """{"skills":"电脑教学"}"""),
        ["POST /api/my/activities/{sessionId:int}/feedback"] = new("/api/my/activities/{session}/feedback", """{"rating":5,"comment":"很有帮助"}"""),
        ["POST /api/activities/"] = new("/api/activities", """{"facilityId":{facility},"kind":"Training","title":"数字素养课","description":"","audienceRule":"age >= 60","capacity":20,"volunteerTask":false,"firstStart":"2026-12-22T14:00:00","minutes":90,"count":10,"intervalDays":7}"""),
        ["POST /api/activities/sessions/{id:int}/moves"] = new("/api/activities/sessions/{session}/moves", """{"action":"Publish","wholeActivity":true}"""),
        ["POST /api/activities/sessions/{id:int}/servers"] = new("/api/activities/sessions/{session}/servers", """{"volunteerId":1,"role":"Teacher"}"""),
        ["POST /api/activities/sessions/{id:int}/check-in"] = new("/api/activities/sessions/{session}/check-in", """{"token":"A1.1.1.1.AAAA","signUpId":null}"""),
        ["POST /api/activities/sessions/{id:int}/confirm"] = new("/api/activities/sessions/{session}/confirm", """{"presentServers":[]}"""),
        ["POST /api/my/invitations/{id:int}/answer"] = new("/api/my/invitations/1/answer", """{"confirm":true}"""),
        ["POST /api/my/enterprise/volunteers/"] = new("/api/my/enterprise/volunteers", """{"name":"王小明","phone":"13912345678","skills":"摄影"}"""),
        ["POST /api/my/teams/{id:int}"] = new("/api/my/teams/1", """{"skills":"法律"}"""),
        ["POST /api/teams/"] = new("/api/teams", """{"communityCode":"{community}","name":"语料团队","skills":"法律、规划"}"""),
        ["PUT /api/teams/{id:int}"] = new("/api/teams/1", """{"communityCode":null,"name":"语料团队二","skills":"法律"}"""),
        ["POST /api/teams/think-tank"] = new("/api/teams/think-tank", """{"communityCode":"{community}"}"""),
        ["POST /api/teams/{id:int}/members"] = new("/api/teams/1/members", """{"volunteerId":1,"skills":"法律"}"""),
        ["POST /api/deliberation-days/{id:int}/invitations"] = new("/api/deliberation-days/{day}/invitations", """{"teamIds":[1],"volunteerIds":[1]}"""),
        ["POST /api/volunteers/"] = new("/api/volunteers", """{"name":"王小明","idNumber":"11010519491231002X","skills":"电脑教学"}"""),
        ["POST /api/deliberation-days/{id:int}/attendance"] = new("/api/deliberation-days/{day}/attendance", """{"attended":[]}"""),
        ["POST /api/life-events/{id:int}/accept"] = new("/api/life-events/{lifeEvent}/accept", """[{"serviceId":{service},"residentId":{resident}}]"""),
        ["POST /api/cash/{code}/schedule"] = new("/api/cash/S01/schedule", """{"tiers":[{"rule":"age >= 80 and age < 90","amount":"100"},{"rule":"age >= 90","amount":"200"}],"period":"Monthly","start":"MonthAfterQualifying","effectiveFrom":"2026-10","arrearsMonths":3,"stopsOnMoveOut":true}"""),
        ["POST /api/cash/{code}/lists"] = new("/api/cash/S01/lists", """{"streetCode":"{street}","month":"2026-10"}"""),
        ["POST /api/cash/lists/{id:int}/moves"] = new("/api/cash/lists/404404/moves", """{"action":"SendBack","reason":"金额有误","version":null}"""),
        ["POST /api/cash/failures/{id:int}/fix"] = new("/api/cash/failures/404404/fix", """{"note":"已更正账户"}"""),
        ["POST /api/assessment/schemes"] = new("/api/assessment/schemes", Scheme),
        ["PUT /api/assessment/schemes/{id:int}"] = new("/api/assessment/schemes/{scheme}", Scheme),
        ["POST /api/assessment/schemes/{id:int}/reviews"] = new("/api/assessment/schemes/{scheme}/reviews", """{"kind":"Monthly","periodStart":"2026-10-01","correctsReviewId":null}"""),
        ["POST /api/assessment/schemes/{id:int}/adjustments"] = new("/api/assessment/schemes/{scheme}/adjustments", """{"periodStart":"2026-10-01","unitCode":"{community}","points":2,"reason":"获评区级文明社区","evidence":null}"""),
        ["POST /api/assessment/reviews/{id:int}/units/{code}/objections"] = new("/api/assessment/reviews/{review}/units/{community}/objections", """{"reason":"两件诉求属于物业合同纠纷"}"""),
        ["POST /api/assessment/objections/{id:int}/answer"] = new("/api/assessment/objections/404404/answer", """{"uphold":false,"reply":"维持原结果"}"""),
        ["PUT /api/residents/{id:int}/payee-account"] = new("/api/residents/{resident}/payee-account", """{"bankName":"工商银行","account":"6222020200112233445"}"""),
    };

    private const string Scheme = """{"definition":{"name":"语料考核方案","level":"Community","items":[{"indicatorKey":"cases.resolutionRate","weight":100,"floor":0.5,"target":1}],"starMinimums":[60,70,80,90],"colours":[{"colour":"Green","minScore":80},{"colour":"Yellow","minScore":60},{"colour":"Red","minScore":0}],"honourListSize":3,"blackListSize":3},"publish":false}""";

    /// <summary>The territory import reads its GeoJSON file itself, as an upload; its bad files are in TerritoryGeoJsonTests.</summary>
    private static readonly string[] NotSwept = ["POST /api/territory/import"];

    /// <summary>Endpoints that bind a JSON body (uploads and Open311's form posts bind none and have corpora of their own).</summary>
    private static bool ReadsJson(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: not null } accepts
        && accepts.ContentTypes.Contains("application/json", StringComparer.OrdinalIgnoreCase);

    private static string Key(RouteEndpoint endpoint) =>
        $"{endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods[0]} /{endpoint.RoutePattern.RawText!.TrimStart('/')}";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EveryEndpointThatReadsJsonIsInTheSweep(DatabaseKind kind)
    {
        var site = await CorpusSite.ForAsync(kind, Corpus);
        var mapped = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is { } methods && methods.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE"))
            .Where(ReadsJson).Select(Key).Except(NotSwept).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(mapped, Samples.Keys.Order(StringComparer.Ordinal).ToList());
    }

    public static TheoryData<DatabaseKind, string> Endpoints() => CorpusCases.OnBothEngines(Samples.Keys);

    [Theory, MemberData(nameof(Endpoints))]
    public async Task NoSpoiltBodyGetsA500AndEveryRefusalIsChineseAndSavesNothing(DatabaseKind kind, string endpoint)
    {
        var sample = Samples[endpoint];
        var site = await CorpusSite.ForAsync(kind, Corpus);
        var records = await CorpusRecords.OfAsync(site);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var method = new HttpMethod(endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)]);
        var path = records.Fill(sample.Path);
        var failures = new List<string>();

        foreach (var (name, body) in Spoilt(JsonNode.Parse(records.Fill(sample.Body))!))
        {
            var before = await TableCounts.OfAsync(site);
            using var message = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            using var response = await admin.SendAsync(message);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            output.WriteLine($"{status} {name}: {(text.Length > 200 ? text[..200] : text)}");
            if (status >= 500)
            {
                failures.Add($"{name}: {status} {(text.Length > 300 ? text[..300] : text)}");
                continue;
            }
            if (status < 400)
            {
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !HasChinese(text))
            {
                failures.Add($"{name}: {status} without a Chinese problem: {text}");
            }
            if (status is 400 or 422 && !before.Equals(await TableCounts.OfAsync(site)))
            {
                failures.Add($"{name}: {status} but something was saved");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static bool HasChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    /// <summary>The empty object, then per field: left out, null, of the wrong type, and for a list one null element.</summary>
    private static IEnumerable<(string Name, string Body)> Spoilt(JsonNode good)
    {
        if (good is JsonArray list)
        {
            yield return ("empty list", "[]");
            yield return ("null element", "[null]");
            yield return ("empty element", "[{}]");
            foreach (var variant in Spoilt(list[0]!))
            {
                yield return ($"element {variant.Name}", $"[{variant.Body}]");
            }
            yield break;
        }
        var fields = good.AsObject();
        yield return ("{}", "{}");
        foreach (var (field, value) in fields.ToList())
        {
            yield return ($"{field} left out", With(fields, field, null, remove: true));
            yield return ($"{field} null", With(fields, field, null));
            yield return ($"{field} wrong type", With(fields, field, value is JsonArray or JsonObject ? JsonValue.Create("文字") : new JsonObject { ["x"] = 1 }));
            if (value is JsonArray)
            {
                yield return ($"{field} with a null element", With(fields, field, new JsonArray((JsonNode?)null)));
            }
        }
    }

    private static string With(JsonObject fields, string field, JsonNode? value, bool remove = false)
    {
        var copy = fields.DeepClone().AsObject();
        copy.Remove(field);
        if (!remove)
        {
            copy[field] = value;
        }
        return copy.ToJsonString();
    }
}
