using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Accounts;

/// <summary>Accounts of the enterprise roles: a contact is bound to its enterprise by credit code, and a bad code is named.</summary>
public class EnterpriseAccountTests
{
    private static int _names;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AStreetOfficialInvitesAContactByCreditCodeAndBadCodesAreNamedWithNothingCreated(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var firm = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Enterprises.IgnoreQueryFilters()
            .Where(e => e.Building != null && e.Building.BusinessCommunityId != null).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.CreditCode, e.GridCode, Community = e.Building!.BusinessCommunityId }).FirstAsync());
        var official = await site.CreateClientAsync(StaffRole.StreetOfficial, firm.GridCode[..9]);
        var bad = $"contact-bad{Interlocked.Increment(ref _names)}";
        var good = $"contact-ok{Interlocked.Increment(ref _names)}";

        using var refused = await official.PostAsJsonAsync("/api/admin/accounts", Body(bad, "91330105MA27XXXX0A"));
        using var created = await official.PostAsJsonAsync("/api/admin/accounts", Body(good, firm.CreditCode.ToLowerInvariant()));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("creditCode", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var users = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Users.AsNoTracking()
            .Where(u => u.UserName == good || u.UserName == bad).ToListAsync());
        var user = Assert.Single(users);
        Assert.Equal((StaffRole.EnterpriseContact, firm.GridCode, (int?)firm.Id, firm.Community), (user.Role, user.ScopeCode, user.EnterpriseId, user.BusinessCommunityId));
    }

    private static object Body(string userName, string creditCode) =>
        new { userName, displayName = "王经理", role = nameof(StaffRole.EnterpriseContact), creditCode };
}
