using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Enterprises.Needs;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Territory;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Access;

/// <summary>
/// Role × enterprise resource × own/other business community of one street, over HTTP with real sign-in, on both
/// databases: business-community staff and runners reach their own community's firms, buildings, needs, visits, runners,
/// contacts and dashboard row only; the street official above them reaches both.
/// </summary>
public class BusinessCommunityScopeMatrixTests
{
    public enum Resource
    {
        EnterpriseList,
        EnterpriseDetail,
        Need,
        Visits,
        Coverage,
        Dashboard,
        Runners,
        Accounts,
        AccountDetail,
    }

    private static readonly StaffRole[] Roles = [StaffRole.BusinessCommunityStaff, StaffRole.Runner, StaffRole.StreetOfficial];

    public static TheoryData<DatabaseKind, StaffRole, Resource> Matrix()
    {
        var data = new TheoryData<DatabaseKind, StaffRole, Resource>();
        foreach (var kind in Enum.GetValues<DatabaseKind>())
        {
            foreach (var role in Roles)
            {
                foreach (var resource in Enum.GetValues<Resource>())
                {
                    data.Add(kind, role, resource);
                }
            }
        }
        return data;
    }

    [Theory, MemberData(nameof(Matrix))]
    public async Task ConfinedRolesReachTheirOwnBusinessCommunityOnly(DatabaseKind kind, StaffRole role, Resource resource)
    {
        var setup = await Setup.ForAsync(kind);
        var client = setup.Clients[role];

        var own = await RequestAsync(client, resource, setup.Own);
        var other = await RequestAsync(client, resource, setup.Other);

        if (!MayAsk(role, resource))
        {
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (own.Status, other.Status));
            return;
        }
        Assert.True(own.Found, $"{role} should reach {resource} of its own community ({own.Status})");
        if (role == StaffRole.StreetOfficial)
        {
            Assert.True(other.Found, $"the street official reaches {resource} of both communities ({other.Status})");
            return;
        }
        Assert.False(other.Found, $"{role} must not reach {resource} of another business community");
        Assert.True(other.Status is HttpStatusCode.NotFound or HttpStatusCode.OK, $"unexpected {other.Status}");
    }

    /// <summary>Runners keep no lists and administer no accounts: the audience refuses them before any scope applies.</summary>
    private static bool MayAsk(StaffRole role, Resource resource) =>
        role != StaffRole.Runner || resource is not (Resource.Runners or Resource.Accounts or Resource.AccountDetail);

    private static async Task<(HttpStatusCode Status, bool Found)> RequestAsync(HttpClient client, Resource resource, Side side)
    {
        using var response = resource switch
        {
            Resource.EnterpriseList => await client.GetAsync("/api/enterprises?pageSize=200"),
            Resource.EnterpriseDetail => await client.GetAsync($"/api/enterprises/{side.EnterpriseId}"),
            Resource.Need => await client.GetAsync($"/api/enterprise-needs/{side.NeedId}"),
            Resource.Visits => await client.GetAsync("/api/sweeps/visits?pageSize=200"),
            Resource.Coverage => await client.GetAsync($"/api/sweeps/coverage?businessCommunityId={side.CommunityId}"),
            Resource.Dashboard => await client.GetAsync("/api/enterprises/dashboard"),
            Resource.Runners => await client.GetAsync("/api/sweeps/runners"),
            Resource.Accounts => await client.GetAsync("/api/admin/accounts?pageSize=200"),
            _ => await client.GetAsync($"/api/admin/accounts/{side.ContactAccountId}"),
        };
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, false);
        }
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var found = resource switch
        {
            Resource.EnterpriseList => root.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetInt32() == side.EnterpriseId),
            Resource.Visits => root.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("enterpriseId").GetInt32() == side.EnterpriseId),
            Resource.Coverage => root.GetProperty("buildings").EnumerateArray().Any(b => b.GetProperty("buildingId").GetInt32() == side.BuildingId),
            Resource.Dashboard => root.GetProperty("communities").EnumerateArray().Any(c => c.GetProperty("id").GetInt32() == side.CommunityId),
            Resource.Runners => root.EnumerateArray().Any(r => r.GetProperty("userName").GetString() == side.Runner),
            Resource.Accounts => root.GetProperty("items").EnumerateArray().Any(a => a.GetProperty("userName").GetString() == side.Contact),
            _ => true,
        };
        return (response.StatusCode, found);
    }

    /// <summary>One business community's side: a firm in one of its buildings, a need of it, a runner with a visit to it, a contact.</summary>
    private sealed record Side(int CommunityId, int BuildingId, int EnterpriseId, int NeedId, string Runner, string Contact, string ContactAccountId);

    private sealed record Setup(Side Own, Side Other, IReadOnlyDictionary<StaffRole, HttpClient> Clients)
    {
        private static readonly ConcurrentDictionary<DatabaseKind, Lazy<Task<Setup>>> Setups = new();

        public static Task<Setup> ForAsync(DatabaseKind kind) =>
            Setups.GetOrAdd(kind, k => new Lazy<Task<Setup>>(() => CreateAsync(k))).Value;

        /// <summary>The tiny district's one business community is split: one of its office buildings goes to a second community of the same street.</summary>
        private static async Task<Setup> CreateAsync(DatabaseKind kind)
        {
            var site = await CivicGridFactory.StartAsync(kind);
            var split = await site.AsSystemAsync(async sp =>
            {
                var db = sp.GetRequiredService<CivicGridDbContext>();
                var firms = await db.Enterprises.Where(e => e.Building != null && e.Building.BusinessCommunityId != null).OrderBy(e => e.Id)
                    .Select(e => new { e.Id, Building = e.BuildingId!.Value, Community = e.Building!.BusinessCommunityId!.Value, e.Building.BusinessCommunity!.StreetCode })
                    .ToListAsync();
                var own = firms[0];
                var other = firms.First(f => f.Building != own.Building);
                var second = new BusinessCommunity { Name = "测试第二商务社区", StreetCode = own.StreetCode };
                db.BusinessCommunities.Add(second);
                await db.SaveChangesAsync();
                await db.Buildings.Where(b => b.Id == other.Building).ExecuteUpdateAsync(s => s.SetProperty(b => b.BusinessCommunityId, second.Id));
                var needs = sp.GetRequiredService<RaiseNeedHandler>();
                var ownNeed = await needs.HandleAsync(new RaiseNeed(own.Id, StandardNeedCategories.Hiring, "招聘 3 名会计"), CancellationToken.None);
                var otherNeed = await needs.HandleAsync(new RaiseNeed(other.Id, StandardNeedCategories.Hiring, "招聘 2 名工程师"), CancellationToken.None);
                return (Street: own.StreetCode,
                    Own: (own.Community, own.Building, own.Id, ownNeed.Value!.Id),
                    Other: (second.Id, other.Building, other.Id, otherNeed.Value!.Id));
            });
            var ownSide = await SideAsync(site, "a", split.Street, split.Own);
            var otherSide = await SideAsync(site, "b", split.Street, split.Other);
            var official = await site.CreateClientAsync(StaffRole.StreetOfficial, split.Street);
            foreach (var side in new[] { ownSide, otherSide })
            {
                (await official.PostAsJsonAsync("/api/sweeps/assignments", new { runner = side.Runner, buildingIds = new[] { side.BuildingId }, since = "2026-10-01" })).EnsureSuccessStatusCode();
            }
            foreach (var (side, runner) in new[] { (ownSide, await SignInAsync(site, ownSide.Runner)), (otherSide, await SignInAsync(site, otherSide.Runner)) })
            {
                (await runner.PostAsJsonAsync("/api/sweeps/visits", new { enterpriseId = side.EnterpriseId, buildingId = side.BuildingId, metWhom = "总经理" })).EnsureSuccessStatusCode();
            }
            await OpenAsync(site, "bc-staff-a", StaffRole.BusinessCommunityStaff, split.Street, ownSide.CommunityId, null);
            var clients = new Dictionary<StaffRole, HttpClient>
            {
                [StaffRole.BusinessCommunityStaff] = await SignInAsync(site, "bc-staff-a"),
                [StaffRole.Runner] = await SignInAsync(site, ownSide.Runner),
                [StaffRole.StreetOfficial] = official,
            };
            return new Setup(ownSide, otherSide, clients);
        }

        private static async Task<Side> SideAsync(CivicGridFactory site, string suffix, string street, (int Community, int Building, int Enterprise, int Need) at)
        {
            await OpenAsync(site, $"runner-{suffix}", StaffRole.Runner, street, at.Community, null);
            var grid = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Enterprises.Where(e => e.Id == at.Enterprise).Select(e => e.GridCode).SingleAsync());
            var contact = await OpenAsync(site, $"contact-{suffix}", StaffRole.EnterpriseContact, grid, at.Community, at.Enterprise);
            return new Side(at.Community, at.Building, at.Enterprise, at.Need, $"runner-{suffix}", $"contact-{suffix}", contact);
        }

        private static async Task<string> OpenAsync(CivicGridFactory site, string userName, StaffRole role, string scope, int community, int? enterprise)
        {
            await using var services = site.Services.CreateAsyncScope();
            var users = services.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser
            {
                UserName = userName, DisplayName = role.ChineseName(), Role = role, ScopeCode = scope, BusinessCommunityId = community, EnterpriseId = enterprise,
            };
            Assert.True((await users.CreateAsync(user, CivicGridFactory.Password)).Succeeded);
            return user.Id;
        }

        private static async Task<HttpClient> SignInAsync(CivicGridFactory site, string userName)
        {
            var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = CivicGridFactory.Password })).EnsureSuccessStatusCode();
            await CivicGridFactory.AddRequestTokenAsync(client);
            return client;
        }
    }
}
