using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Enterprises;

/// <summary>/api/enterprise-contacts: the public request, the pending list and the decision over HTTP, with the page's budget per address.</summary>
public class ContactSignUpApiTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task APersonAsksOverTheApiAndTheCommunitysStaffApproveIntoAContactAccount(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var firm = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Enterprises
            .Where(e => e.Building != null && e.Building.BusinessCommunityId != null).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.CreditCode, Street = e.Building!.BusinessCommunity!.StreetCode }).FirstAsync());
        var anonymous = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var far = await site.CreateClientAsync(StaffRole.StreetOfficial, firm.Street[..^1] + (firm.Street[^1] == '1' ? '2' : '1'));
        var runner = await site.CreateClientAsync(StaffRole.Runner, firm.Street);
        var staff = await site.CreateClientAsync(StaffRole.BusinessCommunityStaff, firm.Street);

        using var badCode = await anonymous.PostAsJsonAsync("/api/enterprise-contacts/sign-up", new { creditCode = "91330105MA27XXXX0A", name = "王经理", phone = "13905710001" });
        using var sent = await anonymous.PostAsJsonAsync("/api/enterprise-contacts/sign-up", new { creditCode = firm.CreditCode, name = "王经理", phone = "13905710001" });
        using var again = await anonymous.PostAsJsonAsync("/api/enterprise-contacts/sign-up", new { creditCode = firm.CreditCode, name = "王经理", phone = "13905710001" });
        var id = await sent.Content.ReadFromJsonAsync<int>();
        using var anonymousList = await anonymous.GetAsync("/api/enterprise-contacts/sign-ups");
        var farList = await far.GetFromJsonAsync<JsonElement>("/api/enterprise-contacts/sign-ups");
        using var farDecision = await far.PostAsJsonAsync($"/api/enterprise-contacts/sign-ups/{id}/decision", new { approve = true });
        using var runnerList = await runner.GetAsync("/api/enterprise-contacts/sign-ups");
        var listed = await staff.GetFromJsonAsync<JsonElement>("/api/enterprise-contacts/sign-ups");
        using var undecided = await staff.PostAsJsonAsync($"/api/enterprise-contacts/sign-ups/{id}/decision", new { note = "核实中" });
        using var approved = await staff.PostAsJsonAsync($"/api/enterprise-contacts/sign-ups/{id}/decision", new { approve = true });
        using var twice = await staff.PostAsJsonAsync($"/api/enterprise-contacts/sign-ups/{id}/decision", new { approve = false, note = "重复" });

        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Equal("application/problem+json", badCode.Content.Headers.ContentType?.MediaType);
        Assert.Contains("校验位", (await badCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("creditCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("已为该企业提交过申请", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousList.StatusCode);
        Assert.Empty(farList.EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, farDecision.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, runnerList.StatusCode);
        var row = Assert.Single(listed.EnumerateArray());
        Assert.Equal((id, "王经理", "139****0001"), (row.GetProperty("id").GetInt32(), row.GetProperty("name").GetString(), row.GetProperty("phoneMasked").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, undecided.StatusCode);
        Assert.Contains("请选择通过或不予通过", await undecided.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var decided = await approved.Content.ReadFromJsonAsync<JsonElement>();
        var userName = decided.GetProperty("account").GetProperty("userName").GetString();
        Assert.True(decided.GetProperty("approved").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);
        var account = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Users.Where(u => u.UserName == userName)
            .Select(u => new { u.Role, u.EnterpriseId }).SingleAsync());
        Assert.Equal((StaffRole.EnterpriseContact, (int?)firm.Id), (account.Role, account.EnterpriseId));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task RequestsOverTheApiShareThePagesBudgetPerAddress(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind, settings: new Dictionary<string, string?> { ["RateLimits:ContactSignUpsPerMinute"] = "2" });
        var anonymous = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await anonymous.PostAsJsonAsync("/api/enterprise-contacts/sign-up", new { creditCode = "91330105MA27XXXX0A", name = "王经理", phone = "13905710001" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("请求过于频繁", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }
}
