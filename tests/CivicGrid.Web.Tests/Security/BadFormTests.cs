using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Security;

/// <summary>
/// Bad posts to the pages' forms (Blazor static rendering with antiforgery): a missing or forged token, an oversized
/// form, too many fields, values that are not numbers in number fields. Each gets a Chinese page — the status page for
/// a refused request, the form again with the field marked for a bad value — never a 500, and nothing is saved.
/// </summary>
public partial class BadFormTests
{
    private const string Corpus = "forms";

    /// <summary>
    /// One bad post to the new-facility form. <see cref="Token"/>: send the page's antiforgery token;
    /// <see cref="Change"/>: how the otherwise valid fields are spoiled; <see cref="Shown"/>: the Chinese text the page must carry.
    /// </summary>
    private sealed record BadPost(bool Token, Func<List<KeyValuePair<string, string>>, List<KeyValuePair<string, string>>> Change, int Status, string Shown, string Path = "/facilities/new");

    private static List<KeyValuePair<string, string>> Set(List<KeyValuePair<string, string>> fields, string name, string value) =>
        [.. fields.Where(f => f.Key != name), new(name, value)];

    private static readonly Dictionary<string, BadPost> Posts = new()
    {
        ["no-antiforgery-token"] = new(false, f => f, 400, "表单已过期"),
        ["forged-antiforgery-token"] = new(false, f => [.. f, new("__RequestVerificationToken", "CfDJ8forged")], 400, "表单已过期"),
        ["sign-in-without-token"] = new(false, _ => [new("_handler", "login"), new("Input.UserName", "admin"), new("Input.Password", "x")], 400, "表单已过期", "/account/login"),
        ["oversized-form"] = new(true, f => Set(f, "Input.Name", new string('名', 400_000)), 413, "提交的内容过大"),
        ["too-many-fields"] = new(true, f => [.. f, .. Enumerable.Range(0, 2000).Select(i => new KeyValuePair<string, string>("Input.Services", "S02"))], 413, "提交的内容过大"),
        ["capacity-not-a-number"] = new(true, f => Set(Set(f, "Input.TypeCode", "elderly"), "Input.Capacity", "三十张"), 200, "床位或托位应为整数"),
        ["capacity-overflow"] = new(true, f => Set(Set(f, "Input.TypeCode", "elderly"), "Input.Capacity", "99999999999"), 200, "床位或托位应为 0 到 100000 之间的整数"),
        ["latitude-not-a-number"] = new(true, f => Set(f, "Input.Latitude", "北纬30度"), 200, "纬度应为数字"),
        ["area-not-a-number"] = new(true, f => Set(f, "Input.FloorArea", "250平方米"), 200, "面积（㎡）应为数字"),
    };

    public static TheoryData<DatabaseKind, string> Cases() => CorpusCases.OnBothEngines(Posts.Keys);

    [Theory, MemberData(nameof(Cases))]
    public async Task ABadPostGetsAChinesePageAndNothingIsSaved(DatabaseKind kind, string name)
    {
        var post = Posts[name];
        var site = await CorpusSite.ForAsync(kind, Corpus);
        var grid = (await site.GridsAsync())[0];
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        // A page's form carries its token as a field, not as the header the API's scripts send.
        admin.DefaultRequestHeaders.Remove("RequestVerificationToken");
        var page = await admin.GetStringAsync(post.Path);
        var fields = Valid(grid);
        if (post.Token)
        {
            fields.Add(new("__RequestVerificationToken", Token().Match(page).Groups[1].Value));
        }
        var before = await TableCounts.OfAsync(site);

        var response = await admin.PostAsync(post.Path, new FormUrlEncodedContent(post.Change(fields)));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(post.Status == (int)response.StatusCode, $"{(int)response.StatusCode}: {(body.Length > 2000 ? body[..2000] : body)}");
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Contains(post.Shown, body, StringComparison.Ordinal);
        Assert.Equal(before, await TableCounts.OfAsync(site));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheSameFormWithGoodValuesSaves(DatabaseKind kind)
    {
        var site = await CorpusSite.ForAsync(kind, Corpus);
        var grid = (await site.GridsAsync())[0];
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var fields = Valid(grid);
        fields.Add(new("__RequestVerificationToken", Token().Match(await admin.GetStringAsync("/facilities/new")).Groups[1].Value));
        var before = await FacilitiesAsync(site);

        var response = await admin.PostAsync("/facilities/new", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before + 1, await FacilitiesAsync(site));
    }

    /// <summary>
    /// A bad number, date or choice typed into a form of another page. <see cref="Fields"/> are name=value with record
    /// placeholders (<see cref="CorpusRecords"/>); <see cref="Shown"/> is the reason the page shows under the field;
    /// <see cref="Unchanged"/> is an API answer about the record that must read the same afterwards.
    /// </summary>
    private sealed record BadField(string Path, string[] Fields, string Shown, string Unchanged);

    private static readonly Dictionary<string, BadField> FieldPosts = new()
    {
        ["case-extension-days-text"] = new("/cases/{acceptedCase}", ["_handler=act", "Move.Action=RequestExtension", "Move.Note=等待材料", "Move.ExtensionDays=五天"], "延期工作日数应为整数", "/api/cases/{acceptedCase}"),
        ["case-extension-days-overflow"] = new("/cases/{acceptedCase}", ["_handler=act", "Move.Action=RequestExtension", "Move.ExtensionDays=99999999999"], "延期工作日数应为整数", "/api/cases/{acceptedCase}"),
        ["case-merge-into-text"] = new("/cases/{acceptedCase}", ["_handler=act", "Move.Action=Merge", "Move.MergeInto=#12"], "合并到的诉求编号应为整数", "/api/cases/{acceptedCase}"),
        ["case-day-text"] = new("/cases/{acceptedCase}", ["_handler=act", "Move.Action=PutOnAgenda", "Move.DeliberationDayId=下周"], "议事日应为整数", "/api/cases/{acceptedCase}"),
        ["votes-text"] = new("/deliberation/{day}", ["_handler=votes-{option}", "Votes=十二票", "Chosen=true"], "票数应为整数", "/api/deliberation-days/{day}"),
        ["task-due-text"] = new("/deliberation/{day}", ["_handler=task-{agendaCase}", "Title=施划车位", "Owner=物业", "Due=下周五"], "完成期限应为日期", "/api/deliberation-days/{day}"),
        ["participant-group-text"] = new("/deliberation/{day}", ["_handler=participant", "Name=王阿姨", "GroupId=邻里帮帮团"], "智囊团应为整数", "/api/deliberation-days/{day}"),
        ["schedule-date-text"] = new("/deliberation", ["_handler=schedule", "Input.HostCode={community}", "Input.Title=议事会", "Input.Date=下周三"], "议事日期应为日期", "/api/deliberation-days"),
        ["life-event-date-text"] = new("/residents/{resident}", ["_handler=life-event", "EventInput.Kind=Disability", "EventInput.OccurredOn=上个月"], "事件日期应为日期", "/api/residents/{resident}/services"),
        ["life-event-kind-number"] = new("/residents/{resident}", ["_handler=life-event", "EventInput.Kind=99", "EventInput.OccurredOn=2026-11-01"], "事件类型无效", "/api/residents/{resident}/services"),
        ["service-theme-tampered"] = new("/services/{service}/edit", ["_handler=service", "Input.Code=SVC-T", "Input.Name=语料服务", "Input.Theme=Bogus", "Input.Mode=Proactive", "Input.RuleText=age >= 80"], "主题无效", "/api/services/{service}"),
        ["service-mode-number"] = new("/services/{service}/edit", ["_handler=service", "Input.Code=SVC-T", "Input.Name=语料服务", "Input.Theme=ElderlyCare", "Input.Mode=7", "Input.RuleText=age >= 80"], "服务方式无效", "/api/services/{service}"),
        ["service-opened-by-tampered"] = new("/services/{service}/edit", ["_handler=service", "Input.Code=SVC-T", "Input.Name=语料服务", "Input.Theme=ElderlyCare", "Input.Mode=Proactive", "Input.OpenedBy=Birth", "Input.OpenedBy=Wedding", "Input.RuleText=age >= 80"], "联办事件无效", "/api/services/{service}"),
        ["new-case-latitude-text"] = new("/cases/new", ["_handler=submit", "Input.ItemCode=0101", "Input.Description=楼上邻居装修噪音，影响休息", "Input.Latitude=北纬30度", "Input.Longitude=120.1"], "纬度应为数字", "/api/cases?pageSize=1"),
        ["register-move-in-text"] = new("/residents/register", ["_handler=register", "Input.Name=王小明", "Input.IdNumber=11010519491231002X", "Input.HouseholdCode={household}", "Input.Relation=子女", "Input.ResidenceType=户籍", "Input.MoveInDate=去年"], "迁入日期应为日期", "/api/residents?pageSize=1"),
    };

    public static TheoryData<DatabaseKind, string> FieldCases() => CorpusCases.OnBothEngines(FieldPosts.Keys);

    [Theory, MemberData(nameof(FieldCases))]
    public async Task ABadValueInAPageFormIsNamedUnderItsFieldAndNothingIsSaved(DatabaseKind kind, string name)
    {
        var post = FieldPosts[name];
        var site = await CorpusSite.ForAsync(kind, Corpus);
        var records = await CorpusRecords.OfAsync(site);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        admin.DefaultRequestHeaders.Remove("RequestVerificationToken");
        var path = records.Fill(post.Path);
        var fields = post.Fields.Select(f => records.Fill(f).Split('=', 2)).Select(f => new KeyValuePair<string, string>(f[0], f[1])).ToList();
        fields.Add(new("__RequestVerificationToken", Token().Match(await admin.GetStringAsync(path)).Groups[1].Value));
        var before = await TableCounts.OfAsync(site);
        var record = await admin.GetStringAsync(records.Fill(post.Unchanged));

        var response = await admin.PostAsync(path, new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {(body.Length > 2000 ? body[..2000] : body)}");
        // The reason sits in the field's feedback element, not only in the summary above the form.
        Assert.Matches($"class=\"invalid-feedback[^>]*>[^<]*{Regex.Escape(post.Shown)}", body);
        Assert.Equal(before, await TableCounts.OfAsync(site));
        Assert.Equal(record, await admin.GetStringAsync(records.Fill(post.Unchanged)));
    }

    public static TheoryData<DatabaseKind, string> Uploads()
    {
        var data = new TheoryData<DatabaseKind, string>();
        foreach (var kind in Enum.GetValues<DatabaseKind>())
        {
            foreach (var name in new[] { "utf16-without-bom", "header-only", "bad-id-number" })
            {
                data.Add(kind, name);
            }
        }
        return data;
    }

    [Theory, MemberData(nameof(Uploads))]
    public async Task ABadFileUploadedOnTheImportPageShowsTheChineseReasonAndSavesNothing(DatabaseKind kind, string name)
    {
        var site = await CorpusSite.ForAsync(kind, Corpus);
        var grid = (await site.GridsAsync())[0].Code;
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var token = Token().Match(await admin.GetStringAsync("/import")).Groups[1].Value;
        var header = "姓名,身份证号,居住类型,网格编码\r\n";
        var (bytes, shown) = name switch
        {
            "utf16-without-bom" => (System.Text.Encoding.Unicode.GetBytes(header + $"王小明,11010519491231002X,户籍,{grid}\r\n"), "文件含有空字节"),
            "header-only" => (System.Text.Encoding.UTF8.GetBytes(header), "文件只有表头"),
            _ => (System.Text.Encoding.UTF8.GetBytes(header + $"王小明,110105194912310021,户籍,{grid}\r\n"), "<td>2</td><td>身份证号</td><td>身份证号校验位错误</td>"),
        };
        using var form = new MultipartFormDataContent
        {
            { new StringContent("preview"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Residents"), "kind" },
            { new ByteArrayContent(bytes), "file", "residents.csv" },
        };
        var before = await TableCounts.OfAsync(site);

        var response = await admin.PostAsync("/import", form);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(shown, body, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"commit\"", body, StringComparison.Ordinal);
        Assert.Equal(before, await TableCounts.OfAsync(site));
    }

    private static List<KeyValuePair<string, string>> Valid((string Code, double Latitude, double Longitude) grid) =>
    [
        new("_handler", "facility"), new("Input.Name", "测试社区食堂"), new("Input.TypeCode", "canteen"), new("Input.GridCode", grid.Code),
        new("Input.Address", "测试路1号"), new("Input.Latitude", grid.Latitude.ToString("R", CultureInfo.InvariantCulture)),
        new("Input.Longitude", grid.Longitude.ToString("R", CultureInfo.InvariantCulture)), new("Input.FloorArea", "250"),
        new("Input.OpeningHours", "每日 10:30-13:00"), new("Input.Operator", "测试餐饮公司"), new("Input.Services", "S02"),
    ];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static Task<int> FacilitiesAsync(CivicGridFactory site) =>
        site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Facilities.CountAsync());
}
