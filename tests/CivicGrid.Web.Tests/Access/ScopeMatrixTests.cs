using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Tests.Access;

/// <summary>Role × resource × inside/outside the account's scope, over HTTP with real sign-in, on both databases.</summary>
public class ScopeMatrixTests
{
    public enum Resource
    {
        ResidentList,
        ResidentSearchByName,
        ResidentDetail,
        ResidentUpdate,
        ResidentReveal,
        Household,
        ResidentExport,
        BuildingExport,
        TerritoryNode,
        GridMap,
    }

    public sealed record Target(int ResidentId, string Name, int HouseholdId, string GridCode);

    public static TheoryData<DatabaseKind, StaffRole, Resource> Matrix()
    {
        var data = new TheoryData<DatabaseKind, StaffRole, Resource>();
        foreach (var kind in Enum.GetValues<DatabaseKind>())
        {
            foreach (var role in Enum.GetValues<StaffRole>())
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
    public async Task EachRoleReachesExactlyItsOwnSubtree(DatabaseKind kind, StaffRole role, Resource resource)
    {
        var site = await SharedSite.ForAsync(kind);
        var (inside, outside) = await TargetsAsync(site);
        var scope = role switch
        {
            StaffRole.DistrictAdmin or StaffRole.DepartmentHandler => inside.GridCode[..6],
            StaffRole.StreetOfficial or StaffRole.CivicSupervisor => inside.GridCode[..9],
            StaffRole.CommunityStaff => inside.GridCode[..12],
            _ => inside.GridCode,
        };
        var client = await site.CreateClientAsync(role, scope);

        var insideStatus = await RequestAsync(client, resource, inside);
        var outsideStatus = await RequestAsync(client, resource, outside);

        if (!role.ManagesPeople())
        {
            Assert.Equal(HttpStatusCode.Forbidden, insideStatus.Status);
            Assert.Equal(HttpStatusCode.Forbidden, outsideStatus.Status);
            return;
        }
        Assert.Equal(HttpStatusCode.OK, insideStatus.Status);
        Assert.True(insideStatus.Found, $"{role} should see {resource} inside its scope");
        if (role == StaffRole.DistrictAdmin)
        {
            Assert.True(outsideStatus.Found, "the district admin sees the whole district");
            return;
        }
        Assert.False(outsideStatus.Found, $"{role} must not see {resource} outside its scope");
        Assert.True(outsideStatus.Status is HttpStatusCode.NotFound or HttpStatusCode.OK, $"unexpected {outsideStatus.Status}");
    }

    private static async Task<(HttpStatusCode Status, bool Found)> RequestAsync(HttpClient client, Resource resource, Target t)
    {
        var response = resource switch
        {
            Resource.ResidentList => await client.GetAsync($"/api/residents?under={t.GridCode}&pageSize=200"),
            Resource.ResidentSearchByName => await client.GetAsync($"/api/residents?q={Uri.EscapeDataString(t.Name)}&pageSize=200"),
            Resource.ResidentDetail => await client.GetAsync($"/api/residents/{t.ResidentId}"),
            Resource.ResidentUpdate => await client.PutAsJsonAsync($"/api/residents/{t.ResidentId}", new { residenceType = "户籍", tags = Array.Empty<string>() }),
            Resource.ResidentReveal => await client.PostAsJsonAsync($"/api/residents/{t.ResidentId}/reveal", new { reason = "test" }),
            Resource.Household => await client.GetAsync($"/api/households/{t.HouseholdId}"),
            Resource.ResidentExport => await client.GetAsync($"/api/residents/export?format=csv&under={t.GridCode}"),
            Resource.BuildingExport => await client.GetAsync($"/api/territory/{t.GridCode}/buildings/export?format=csv"),
            Resource.TerritoryNode => await client.GetAsync($"/api/territory/{t.GridCode}"),
            _ => await client.GetAsync($"/api/territory/{t.GridCode}/map"),
        };
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, false);
        }
        var body = await response.Content.ReadAsStringAsync();
        var found = resource switch
        {
            Resource.ResidentList or Resource.ResidentSearchByName =>
                JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetInt32() == t.ResidentId),
            Resource.ResidentExport => body.Contains(t.Name, StringComparison.Ordinal),
            Resource.BuildingExport => body.Contains(t.GridCode + "-", StringComparison.Ordinal),
            _ => true,
        };
        return (response.StatusCode, found);
    }

    private static Task<(Target Inside, Target Outside)> TargetsAsync(CivicGridFactory site) =>
        site.AsSystemAsync(async services =>
        {
            var db = services.GetService(typeof(App.Data.CivicGridDbContext)) as App.Data.CivicGridDbContext;
            var residents = await db!.Residents.Where(r => r.HouseholdId != null).OrderBy(r => r.Id).ToListAsync();
            var first = residents[0];
            var other = residents.First(r => r.GridCode[..9] != first.GridCode[..9] && residents.Count(x => x.Name == r.Name) == 1);
            first = residents.First(r => r.GridCode == first.GridCode && residents.Count(x => x.Name == r.Name) == 1);
            return (new Target(first.Id, first.Name, first.HouseholdId!.Value, first.GridCode),
                new Target(other.Id, other.Name, other.HouseholdId!.Value, other.GridCode));
        });
}
