using System.Net;
using System.Net.Http.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Cases;

public class CasePagesTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheCasePageShowsEachAnswerByItsQuestionAndOptionNames(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid.Code);
        var item = await site.AsSystemAsync(async sp => (await sp.GetRequiredService<App.Data.CivicGridDbContext>().DeliberationItems.AsNoTracking().ToListAsync())
            .OrderBy(i => i.Code, StringComparer.Ordinal).First(i => i.Active && i.Attributes.Any(q => q.Values.Count > 0)));
        var question = item.Attributes.First(q => q.Values.Count > 0);
        var option = question.Values[0];
        var answers = item.Attributes.Where(q => q.Required).ToDictionary(q => q.Code, q => q.Values.Count > 0 ? q.Values[0].Key : "1");
        answers[question.Code] = option.Key;
        var response = await resident.PostAsJsonAsync("/api/cases", new { itemCode = item.Code, description = "夜间施工噪音扰民", latitude = grid.Latitude, longitude = grid.Longitude, answers });
        var id = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();

        var page = await resident.GetStringAsync($"/cases/{id}");

        Assert.Contains($"<dt class=\"col-4 case-question\">{question.Description}</dt><dd class=\"col-8 case-answer\">{option.Name}</dd>", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task StaffAndResidentPagesShowTheCaseItsTimelineAndOnlyTheMovesTheyMayMake(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid.Code);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        var id = await CivicGridFactory.SubmitCaseAsync(resident, grid, "0101", "<script>alert(1)</script>邻里纠纷");
        var day = await (await community.PostAsJsonAsync("/api/deliberation-days", new { hostCode = grid.Code[..12], title = "邻里议事会", date = "2026-11-26" })).Content.ReadFromJsonAsync<int>();

        var workerPage = await worker.GetStringAsync($"/cases/{id}");
        var residentPage = await resident.GetStringAsync($"/cases/{id}");
        var list = await worker.GetStringAsync("/cases?open=true");
        var newPage = await resident.GetStringAsync("/cases/new");
        var dayPage = await community.GetStringAsync($"/deliberation/{day}");
        (await CivicGridFactory.ActAsync(worker, id, "Reject", new { note = "<img src=x onerror=alert(2)>重复" })).EnsureSuccessStatusCode();
        var rejectedPage = await resident.GetStringAsync($"/cases/{id}");
        var hostile = await (await community.PostAsJsonAsync("/api/deliberation-days", new { hostCode = grid.Code[..12], title = "<b onmouseover=alert(3)>议事</b>", date = "2026-11-27" })).Content.ReadFromJsonAsync<int>();
        var hostilePages = await community.GetStringAsync($"/deliberation/{hostile}") + await community.GetStringAsync("/deliberation");

        Assert.Contains("id=\"act-Accept\"", workerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"act-Accept\"", residentPage, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", workerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", workerPage, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", rejectedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", rejectedPage, StringComparison.Ordinal);
        Assert.Contains("&lt;b onmouseover=alert(3)&gt;", hostilePages, StringComparison.Ordinal);
        Assert.DoesNotContain("<b onmouseover", hostilePages, StringComparison.Ordinal);
        Assert.Contains("提交诉求", residentPage, StringComparison.Ordinal);
        Assert.Contains($"cases/{id}", list, StringComparison.Ordinal);
        Assert.Contains("噪音扰民", newPage, StringComparison.Ordinal);
        Assert.Contains("邻里议事会", dayPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await community.GetAsync("/deliberation")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheCasePageOffersDeliberationOnlyForListedItemsAndTheGridWorkerPicksTheDay(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        var charging = await CivicGridFactory.SubmitCaseAsync(worker, grid, "0203", "楼道里电动车充电");
        var dispute = await CivicGridFactory.SubmitCaseAsync(worker, grid, "0101", "邻里因晾晒衣物起纠纷");
        foreach (var id in new[] { charging, dispute })
        {
            (await CivicGridFactory.ActAsync(worker, id, "Accept")).EnsureSuccessStatusCode();
        }
        var day = await (await community.PostAsJsonAsync("/api/deliberation-days", new { hostCode = grid.Code[..12], title = "邻里议事会", date = "2026-11-26" })).Content.ReadFromJsonAsync<int>();

        var chargingPage = await worker.GetStringAsync($"/cases/{charging}");
        var disputePage = await worker.GetStringAsync($"/cases/{dispute}");
        var withoutDay = await PageForms.SubmitAsync(worker, $"/cases/{dispute}", "act", [new("Move.Action", "PutOnAgenda"), new("Move.Note", "提交议事"), new("Move.DeliberationDayId", "")]);
        var withDay = await PageForms.SubmitAsync(worker, $"/cases/{dispute}", "act", [new("Move.Action", "PutOnAgenda"), new("Move.Note", "提交议事"), new("Move.DeliberationDayId", $"{day}")]);

        Assert.DoesNotContain("id=\"act-PutOnAgenda\"", chargingPage, StringComparison.Ordinal);
        Assert.Contains("id=\"act-PutOnAgenda\"", disputePage, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{day}\">2026-11-26 邻里议事会", disputePage, StringComparison.Ordinal);
        Assert.Contains("<div>请选择议事日</div>", await withoutDay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("id=\"done\"", await withDay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var detail = System.Text.Json.JsonDocument.Parse(await worker.GetStringAsync($"/api/cases/{dispute}")).RootElement;
        Assert.Equal("OnAgenda", detail.GetProperty("status").GetString());
        Assert.Equal(day, detail.GetProperty("deliberationDayId").GetInt32());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AVisitCaseKeepsTheResidentsPhoneEncryptedAndShowsItMasked(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var response = await worker.PostAsJsonAsync("/api/cases", new
        {
            itemCode = "0602", description = "走访发现：顶楼住户房屋漏水", latitude = grid.Latitude, longitude = grid.Longitude,
            contactName = "李阿姨", contactPhone = "13912345678",
        });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();

        var page = await worker.GetStringAsync($"/cases/{id}");
        var stored = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGrid.App.Data.CivicGridDbContext>().Cases.Where(c => c.Id == id)
            .Select(c => new { c.ContactPhoneCipher, c.Source }).SingleAsync());

        Assert.Contains("139****5678", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", System.Text.Encoding.UTF8.GetString(stored.ContactPhoneCipher!), StringComparison.Ordinal);
        Assert.Equal(CivicGrid.Core.Cases.CaseSource.Visit, stored.Source);
    }
}
