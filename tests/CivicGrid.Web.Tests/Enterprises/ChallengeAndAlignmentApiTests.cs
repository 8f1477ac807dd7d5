using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Enterprises;

/// <summary>揭榜挂帅 and address alignment over HTTP: the moves, the refusals with their Chinese reason, and scope.</summary>
public class ChallengeAndAlignmentApiTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task StaffPublishRecordAPartnersClaimAndDeliveryAndEvaluateWhileAnotherStreetSeesNothing(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var community = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().BusinessCommunities
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.StreetCode }).FirstAsync());
        var other = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().TerritoryNodes
            .Where(n => n.Level == Core.Territory.TerritoryLevel.Street && n.Code != community.StreetCode).Select(n => n.Code).FirstAsync());
        var staff = await site.CreateClientAsync(StaffRole.BusinessCommunityStaff, community.StreetCode);
        var far = await site.CreateClientAsync(StaffRole.BusinessCommunityStaff, other);

        using var published = await staff.PostAsJsonAsync("/api/challenges",
            new { title = "楼宇午餐难", description = "午间就餐排队长", rewardWan = 2.5m, businessCommunityId = community.Id, claimBy = "2027-01-31" });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var challenge = await published.Content.ReadFromJsonAsync<JsonElement>();
        var id = challenge.GetProperty("id").GetInt32();
        Assert.Equal(2_500_000, challenge.GetProperty("rewardAmount").GetProperty("fen").GetInt64());

        using var enterpriseClaim = await staff.PostAsJsonAsync($"/api/challenges/{id}/moves", new { action = "Claim", solverName = "某公司", solverKind = "Enterprise" });
        using var claim = await staff.PostAsJsonAsync($"/api/challenges/{id}/moves", new { action = "Claim", solverName = "运河青年志愿服务队", solverKind = "VolunteerTeam" });
        using var farMove = await far.PostAsJsonAsync($"/api/challenges/{id}/moves", new { action = "Withdraw", note = "撤" });
        using var deliver = await staff.PostAsJsonAsync($"/api/challenges/{id}/moves", new { action = "Deliver", note = "引入团餐两家" });
        using var evaluate = await staff.PostAsJsonAsync($"/api/challenges/{id}/moves", new { action = "Evaluate", score = 5, note = "好" });

        Assert.Equal(HttpStatusCode.BadRequest, enterpriseClaim.StatusCode);
        Assert.Contains("企业揭榜请由该企业的联系人办理", await enterpriseClaim.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, farMove.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deliver.StatusCode);
        Assert.Equal(HttpStatusCode.OK, evaluate.StatusCode);
        var detail = await staff.GetFromJsonAsync<JsonElement>($"/api/challenges/{id}");
        Assert.Equal(4, detail.GetProperty("timeline").GetArrayLength());
        Assert.Equal(0, (await far.GetFromJsonAsync<JsonElement>("/api/challenges")).GetProperty("total").GetInt32());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ANeedsPageOffersToPublishItAsAChallengeToThoseWhoMayAndTheFormStartsFromTheNeed(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var firm = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Enterprises
            .Where(e => e.Building != null && e.Building.BusinessCommunityId != null).OrderBy(e => e.Id)
            .Select(e => new { e.Id, Street = e.Building!.BusinessCommunity!.StreetCode }).FirstAsync());
        var staff = await site.CreateClientAsync(StaffRole.BusinessCommunityStaff, firm.Street);
        var runner = await site.CreateClientAsync(StaffRole.Runner, firm.Street);
        using var raised = await staff.PostAsJsonAsync("/api/enterprise-needs", new { enterpriseId = firm.Id, categoryCode = "hiring", description = "急需算法工程师十名" });
        var id = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var staffPage = await staff.GetStringAsync($"/enterprise-needs/{id}");
        var runnerPage = await runner.GetStringAsync($"/enterprise-needs/{id}");
        var form = await staff.GetStringAsync($"/challenges/new?needId={id}");

        Assert.Contains($"href=\"challenges/new?needId={id}\"", staffPage, StringComparison.Ordinal);
        Assert.Contains("急需算法工程师十名", runnerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("publish-as-challenge", runnerPage, StringComparison.Ordinal);
        Assert.Contains("急需算法工程师十名</textarea>", form, StringComparison.Ordinal);
        Assert.Contains($"value=\"{id}\"", form, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ARunnerRecordsAFollowUpStepAndARefusedStepSavesNothing(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var firm = await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var e = await db.Enterprises.Where(x => x.Building != null && x.Building.BusinessCommunityId != null)
                .OrderByDescending(x => x.Id).FirstAsync();
            e.RegisteredAddress = "莫干山路100号";
            await db.SaveChangesAsync();
            return new { e.Id, Street = e.GridCode[..9] };
        });
        var runner = await site.CreateClientAsync(StaffRole.Runner, firm.Street);

        using var refused = await runner.PostAsJsonAsync($"/api/address-alignment/{firm.Id}/steps", new { action = "GiveUp", note = "" });
        var before = await runner.GetFromJsonAsync<JsonElement>($"/api/address-alignment/{firm.Id}");
        using var contacted = await runner.PostAsJsonAsync($"/api/address-alignment/{firm.Id}/steps", new { action = "Contact", note = "上门讲解政策" });
        var progress = await runner.GetFromJsonAsync<JsonElement>("/api/address-alignment/progress");
        var listed = await runner.GetFromJsonAsync<JsonElement>("/api/address-alignment?status=Contacted&search=" + Uri.EscapeDataString(
            await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Enterprises.Where(e => e.Id == firm.Id).Select(e => e.Name).FirstAsync())));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("请填写无法一致的原因", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, before.GetProperty("steps").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, contacted.StatusCode);
        Assert.Equal("Contacted", (await contacted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.True(progress.GetProperty("total").GetProperty("inProgress").GetInt32() >= 1);
        Assert.Equal(firm.Id, listed.GetProperty("items")[0].GetProperty("enterpriseId").GetInt32());
    }
}
