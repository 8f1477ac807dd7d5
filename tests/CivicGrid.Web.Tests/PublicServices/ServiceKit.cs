using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Facilities;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.PublicServices;

/// <summary>Arranging life-cycle service scenarios through the API, as staff would.</summary>
internal static class ServiceKit
{
    private static int _sequence = 100;

    public static Task<int> ServiceIdAsync(this CivicGridFactory site, string code) => site.AsSystemAsync(sp =>
        sp.GetRequiredService<CivicGridDbContext>().ServiceItems.Where(s => s.Code == code).Select(s => s.Id).FirstAsync());

    /// <summary>A household of the grid, by code, with its members' count.</summary>
    public static Task<string> HouseholdAsync(this CivicGridFactory site, string gridCode, int skip = 0) => site.AsSystemAsync(sp =>
        sp.GetRequiredService<CivicGridDbContext>().Households.Where(h => h.GridCode == gridCode).OrderBy(h => h.Id).Skip(skip).Select(h => h.Code).FirstAsync());

    public static string IdNumberBornOn(DateOnly birth, Gender gender = Gender.Female) =>
        IdNumber.Compose("330105", birth, Interlocked.Add(ref _sequence, 2), gender);

    /// <summary>Registers a resident through the API and returns the response body.</summary>
    public static async Task<JsonElement> RegisterAsync(HttpClient client, string householdCode, DateOnly birth, string name = "新居民", string residence = "户籍", string[]? tags = null)
    {
        var response = await client.PostAsJsonAsync("/api/residents/register", new
        {
            name, idNumber = IdNumberBornOn(birth), householdCode, relation = "其他", residenceType = residence, tags = tags ?? [],
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Adds a facility of a type with places at a grid's first building, offering the services given by code.</summary>
    public static Task<int> FacilityAsync(this CivicGridFactory site, string gridCode, string typeCode, int? capacity, params string[] serviceCodes) => site.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<CivicGridDbContext>();
        var building = await db.Buildings.Where(b => b.GridCode == gridCode).OrderBy(b => b.Id).FirstAsync();
        var facility = new Facility
        {
            Name = $"测试{typeCode}{Interlocked.Increment(ref _sequence)}", TypeCode = typeCode, GridCode = gridCode, Address = building.Address,
            Latitude = building.Latitude, Longitude = building.Longitude, FloorArea = 100, Capacity = capacity, OpeningHours = "08:00-17:00", Operator = "社区",
            Services = await db.ServiceItems.Where(s => serviceCodes.Contains(s.Code)).ToListAsync(),
        };
        db.Facilities.Add(facility);
        await db.SaveChangesAsync();
        return facility.Id;
    });
}
