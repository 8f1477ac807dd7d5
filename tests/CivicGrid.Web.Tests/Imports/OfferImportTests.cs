using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.App.Enterprises;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Imports;

/// <summary>The community's offers (社区所能) come in through the import pipeline, keyed by business community and name.</summary>
public class OfferImportTests
{
    private const string Header = "资源名称,资源类型,提供方,服务类别,商务社区,名额,信贷额度（万元）,最多员工数";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AStreetOfficialImportsOffersABadFileIsRefusedWholeAndAGoodOneAddsThenChangesThem(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var community = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().BusinessCommunities.OrderBy(c => c.Id).FirstAsync());
        var official = await site.CreateClientAsync(StaffRole.StreetOfficial, community.StreetCode);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var line = $"授信{tag},信贷额度,合作银行,融资,{community.Name},,1000,";
        var training = $"培训{tag},培训,商务社区,招聘用工、政策咨询,{community.Name},20,,100";

        var refused = await ImportAsync(official, "Offers", Header, line, $"坏{tag},贷款,银行,融资,{community.Name},,,",
            $"坏二{tag},服务,社区,不存在的类别,没有这个社区,,500,");
        var first = await ImportAsync(official, "Offers", Header, line, training);
        var again = await ImportAsync(official, "Offers", Header, line, training);
        var changed = await ImportAsync(official, "Offers", Header, line, training.Replace(",20,", ",30,", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains((3, "资源类型", "应为服务、场地、信贷额度、培训、共富卡之一"), refused.Errors);
        Assert.Contains((4, "信贷额度（万元）", "只有信贷额度类资源填写额度"), refused.Errors);
        Assert.Contains((4, "服务类别", "需求类别“不存在的类别”不存在或已停用"), refused.Errors);
        Assert.Contains((4, "商务社区", "找不到该商务社区，或不在您的管辖范围内"), refused.Errors);
        Assert.Equal((HttpStatusCode.OK, 2, 0, 0), (first.Status, first.Inserted, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 2), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal((0, 1, 1), (changed.Inserted, changed.Updated, changed.Unchanged));
        var stored = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().CommunityOffers.AsNoTracking()
            .Where(o => o.Name.EndsWith(tag)).OrderBy(o => o.Name).ToListAsync());
        Assert.Equal([$"培训{tag}", $"授信{tag}"], stored.Select(o => o.Name));
        Assert.Equal((30, 100), (stored[0].Places!.Value, stored[0].MaxEmployees!.Value));
        Assert.Equal(["hiring", "policy"], stored[0].CategoryCodes.Order());
        Assert.Equal((Money.TenThousandYuan(1000), community.Id), (stored[1].CreditLine!.Value, stored[1].BusinessCommunityId!.Value));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task OnlyThoseWhoKeepTheListsImportOffersAndBusinessCommunityStaffImportNoResidents(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var gridWorker = await site.CreateClientAsync(StaffRole.GridWorker, "330105001001001");
        var staff = await site.CreateClientAsync(StaffRole.BusinessCommunityStaff, "330105001");

        var offers = await ImportAsync(gridWorker, "Offers", Header, "某服务,服务,社区,融资,,,,");
        var residents = await ImportAsync(staff, "Residents", "姓名", "张三");

        Assert.Equal(HttpStatusCode.Forbidden, offers.Status);
        Assert.Equal(HttpStatusCode.Forbidden, residents.Status);
    }

    private static async Task<Report> ImportAsync(HttpClient client, string kind, params string[] lines)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "offers.csv");
        using var response = await client.PostAsync($"/api/imports/{kind}?commit=true", form);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity))
        {
            return new Report(response.StatusCode, 0, 0, 0, []);
        }
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return new Report(response.StatusCode, body.GetProperty("inserted").GetInt32(), body.GetProperty("updated").GetInt32(), body.GetProperty("unchanged").GetInt32(),
            body.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("reason").GetString()!)).ToList());
    }

    private sealed record Report(HttpStatusCode Status, int Inserted, int Updated, int Unchanged, List<(int, string, string)> Errors);
}
