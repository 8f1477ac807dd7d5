using CivicGrid.App.Notifications;
using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicGrid.App.Data;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Security;

/// <summary>
/// Row counts of every table a bad input could reach, read in one statement and written out by table name. Equal
/// before and after means nothing was saved, audit entries included: <c>Assert.Equal(before, await TableCounts.OfAsync(site))</c>.
/// </summary>
internal sealed record TableCounts(string Counts)
{
    /// <summary>The tables' names, the same in every site's model, read from the first one.</summary>
    private static string[]? _names;

    public static Task<TableCounts> OfAsync(CivicGridFactory site) => site.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<CivicGridDbContext>();
        var names = _names ??= Tables(db).Select(t => t.GetTableName()!).ToArray();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT " + string.Join(", ", names.Select(n => $"(SELECT COUNT(*) FROM \"{n}\")"));
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new TableCounts(string.Join(", ", names.Select((n, i) => $"{n} {reader.GetInt64(i)}")));
    });

    /// <summary>The sweeps count around thousands of requests, so the fourteen counts are one round trip, not fourteen queries.</summary>
    private static IEntityType[] Tables(CivicGridDbContext db) =>
    [
        db.Buildings.EntityType, db.Households.EntityType, db.Residents.EntityType, db.Enterprises.EntityType, db.AuditEntries.EntityType,
        db.Cases.EntityType, db.CaseEvents.EntityType, db.Facilities.EntityType, db.ServiceItems.EntityType, db.EligibilityRules.EntityType,
        db.WebhookSubscriptions.EntityType, db.Tags.EntityType, db.OutboxMessages.EntityType, db.InboxMessages.EntityType,
    ];
}

/// <summary>One seeded site per corpus and engine: its cases run one after another, so counts taken around a case are that case's.</summary>
internal static class CorpusSite
{
    private static readonly ConcurrentDictionary<(DatabaseKind, string), Lazy<Task<CivicGridFactory>>> Sites = new();

    public static Task<CivicGridFactory> ForAsync(DatabaseKind kind, string corpus) =>
        Sites.GetOrAdd((kind, corpus), key => new Lazy<Task<CivicGridFactory>>(async () =>
            CivicGridFactory.On(await TestDatabase.CreateSeededAsync(key.Item1)))).Value;
}

internal static partial class Chinese
{
    /// <summary>Asserts the text carries a Chinese reason, not only the framework's English or nothing.</summary>
    public static void Asserted(string text) =>
        Assert.True(Han().IsMatch(text), $"no Chinese reason in: {(text.Length > 300 ? text[..300] : text)}");

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    /// <summary>A problem-details body's reasons by field (the errors object), with the detail under "".</summary>
    public static Dictionary<string, string> Problem(string body)
    {
        var root = JsonDocument.Parse(body).RootElement;
        var reasons = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("errors", out var errors))
        {
            foreach (var field in errors.EnumerateObject())
            {
                reasons[field.Name] = string.Join("；", field.Value.EnumerateArray().Select(e => e.GetString()));
            }
        }
        reasons[""] = root.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
        return reasons;
    }
}

/// <summary>Each named input of a corpus on each engine, one test case apiece.</summary>
internal static class CorpusCases
{
    public static TheoryData<DatabaseKind, string> OnBothEngines(IEnumerable<string> names)
    {
        var data = new TheoryData<DatabaseKind, string>();
        foreach (var kind in Enum.GetValues<DatabaseKind>())
        {
            foreach (var name in names)
            {
                data.Add(kind, name);
            }
        }
        return data;
    }
}

/// <summary>
/// Records of a corpus site that bad requests are aimed at, made once per site: a deliberation day with a case on its
/// agenda, an option and a plan task, an accepted case, and the first resident, tag, service, facility, enrolment, life event and visit
/// task. <see cref="Fill"/> puts their ids into a path or body ({resident}, {day}, {agendaCase} …); a record the
/// seeded district lacks is 999999, so its requests are still sent and answered.
/// </summary>
internal sealed class CorpusRecords(IReadOnlyDictionary<string, string> values)
{
    private static readonly ConcurrentDictionary<CivicGridFactory, Lazy<Task<CorpusRecords>>> Made = new();

    public string Fill(string text)
    {
        foreach (var (key, value) in values)
        {
            text = text.Replace("{" + key + "}", value, StringComparison.Ordinal);
        }
        return text;
    }

    public static Task<CorpusRecords> OfAsync(CivicGridFactory site) =>
        Made.GetOrAdd(site, s => new Lazy<Task<CorpusRecords>>(() => MakeAsync(s))).Value;

    private static async Task<CorpusRecords> MakeAsync(CivicGridFactory site)
    {
        var grid = (await site.GridsAsync())[0];
        var community = grid.Code[..12];
        var admin = await site.CreateClientAsync(CivicGrid.Core.Access.StaffRole.DistrictAdmin, "330105");
        var worker = await site.CreateClientAsync(CivicGrid.Core.Access.StaffRole.GridWorker, grid.Code);
        var day = await IdAsync(await admin.PostAsJsonAsync("/api/deliberation-days", new { hostCode = community, title = "语料议事会", date = "2026-11-30" }));
        var agendaCase = await CivicGridFactory.SubmitCaseAsync(worker, grid, "0303", "小区停车位不足，夜间乱停车堵塞消防通道");
        (await CivicGridFactory.ActAsync(worker, agendaCase, "Accept")).EnsureSuccessStatusCode();
        (await CivicGridFactory.ActAsync(worker, agendaCase, "PutOnAgenda", new { deliberationDayId = day })).EnsureSuccessStatusCode();
        var acceptedCase = await CivicGridFactory.SubmitCaseAsync(worker, grid, "0303", "楼道堆放杂物，影响通行");
        (await CivicGridFactory.ActAsync(worker, acceptedCase, "Accept")).EnsureSuccessStatusCode();
        var option = await IdAsync(await admin.PostAsJsonAsync($"/api/deliberation-days/{day}/options", new { caseId = agendaCase, text = "错时共享停车位" }));
        var task = await IdAsync(await admin.PostAsJsonAsync($"/api/deliberation-days/{day}/tasks", new { caseId = agendaCase, title = "签订错时停车协议", owner = "社区书记", dueDate = "2026-12-10" }));
        var group = JsonDocument.Parse(await admin.GetStringAsync("/api/think-tank-groups")).RootElement[0].GetProperty("id").GetInt32();
        var firm = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        var need = await NeedIdAsync(await admin.PostAsJsonAsync("/api/enterprise-needs", new { enterpriseId = firm, categoryCode = "policy", description = "语料需求：申报补贴" }));
        var offer = await NeedIdAsync(await admin.PostAsJsonAsync("/api/enterprise-offers", new { name = "语料资源", provider = "测试机构", kind = "Service", categoryCodes = new[] { "policy" } }));
        var businessCommunity = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().BusinessCommunities.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var challenge = await NeedIdAsync(await admin.PostAsJsonAsync("/api/challenges", new { title = "语料榜单", description = "语料问题", reward = "荣誉", businessCommunityId = businessCommunity }));
        var project = await IdAsync(await admin.PostAsJsonAsync("/api/projects", new
        {
            code = "CORPUS-1", name = "语料项目", investor = "语料投资有限公司", sector = "数字经济", communityCode = community, latitude = grid.Latitude, longitude = grid.Longitude,
            plannedWan = 10_000, gates = new[] { new { stage = "Signed", reachedOn = "2026-01-10" } },
        }));
        var misaligned = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Enterprises
            .Where(e => e.RegisteredAddress != e.OfficeAddress).OrderBy(e => e.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync());
        var values = await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var enrolment = await db.ServiceEnrolments.OrderBy(e => e.Id).Select(e => new { e.Id, e.Version }).FirstOrDefaultAsync();
            return new Dictionary<string, string>
            {
                ["resident"] = Text(await db.Residents.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()),
                ["household"] = await db.Households.OrderBy(h => h.Id).Select(h => h.Code).FirstAsync(),
                ["tag"] = Text(await db.Tags.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync()),
                ["tagName"] = await db.Tags.OrderBy(t => t.Id).Select(t => t.Name).FirstAsync(),
                ["service"] = Text(await db.ServiceItems.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync()),
                ["facility"] = Text(await db.Facilities.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync()),
                ["enrolment"] = Text(enrolment?.Id),
                ["version"] = Text(enrolment?.Version ?? 0),
                ["lifeEvent"] = Text(await db.LifeEvents.OrderBy(e => e.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync()),
                ["account"] = await db.Users.Where(u => u.Role == CivicGrid.Core.Access.StaffRole.GridWorker).OrderBy(u => u.UserName).Select(u => u.Id).FirstAsync(),
                ["building"] = Text(await db.Buildings.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync()),
                ["businessCommunity"] = Text(await db.BusinessCommunities.Where(c => c.Buildings.Any()).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()),
                ["householdId"] = Text(await db.Households.OrderBy(h => h.Id).Select(h => h.Id).FirstAsync()),
                ["visitTask"] = Text(await db.VisitTasks.Where(t => t.DoneAt == null).OrderBy(t => t.Id).Select(t => (int?)t.Id).FirstOrDefaultAsync()),
            };
        });
        values["grid"] = grid.Code;
        values["street"] = grid.Code[..9];
        values["latitude"] = grid.Latitude.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        values["longitude"] = grid.Longitude.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        values["community"] = community;
        values["day"] = Text(day);
        values["agendaCase"] = Text(agendaCase);
        values["acceptedCase"] = Text(acceptedCase);
        values["option"] = Text(option);
        values["task"] = Text(task);
        values["group"] = Text(group);
        values["enterprise"] = Text(firm);
        values["need"] = Text(need);
        values["offer"] = Text(offer);
        values["businessCommunity"] = Text(businessCommunity);
        values["challenge"] = Text(challenge);
        values["misaligned"] = Text(misaligned);
        values["project"] = Text(project);
        var activity = await admin.PostAsJsonAsync("/api/activities", new
        {
            facilityId = int.Parse(values["facility"], System.Globalization.CultureInfo.InvariantCulture), kind = "Training", title = "语料课堂", capacity = 10,
            firstStart = "2026-12-20T09:00:00", minutes = 90, count = 1,
        });
        activity.EnsureSuccessStatusCode();
        values["session"] = Text((await activity.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionIds")[0].GetInt32());
        (values["scheme"], values["review"]) = await PublishedReviewAsync(admin);
        return new CorpusRecords(values);
    }

    /// <summary>A published scheme and its published review of October, as the district makes them through the API.</summary>
    private static async Task<(string Scheme, string Review)> PublishedReviewAsync(HttpClient admin)
    {
        var saved = await admin.PostAsJsonAsync("/api/assessment/schemes", new
        {
            definition = new
            {
                name = "语料考核方案", level = "Community", items = new[] { new { indicatorKey = "cases.resolutionRate", weight = 100, floor = 0.5, target = 1 } },
                starMinimums = new[] { 60, 70, 80, 90 },
                colours = new object[] { new { colour = "Green", minScore = 80 }, new { colour = "Yellow", minScore = 60 }, new { colour = "Red", minScore = 0 } },
            },
            publish = true,
        });
        saved.EnsureSuccessStatusCode();
        var scheme = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("schemeId").GetInt32();
        var review = await IdAsync(await admin.PostAsJsonAsync($"/api/assessment/schemes/{scheme}/reviews", new { kind = "Monthly", periodStart = "2026-10-01" }));
        (await admin.PostAsync($"/api/assessment/reviews/{review}/publish", null)).EnsureSuccessStatusCode();
        return (Text(scheme), Text(review));
    }

    /// <summary>The id of a need or offer the API answered with.</summary>
    private static async Task<int> NeedIdAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<int> IdAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<int>();
    }

    private static string Text(int? id) => (id ?? 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
