using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Imports;

public class ImportApiTests
{
    private static MultipartFormDataContent File(string name, byte[] content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        return form;
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnUploadWithErrorsIsRefusedWithRowColumnAndReasonAndAGoodOneCommits(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var client = await site.CreateClientAsync(StaffRole.CommunityStaff, "330105001001");
        var bad = Encoding.UTF8.GetBytes("企业名称,统一社会信用代码,网格编码,行业,员工人数,注册地址\r\n好企业,91350100M000100Y43,330105001001001,信息技术,10,小河路1号\r\n坏企业,91350100M000100Y44,330105001001001,信息技术,十,小河路2号\r\n");
        var good = Encoding.UTF8.GetBytes("企业名称,统一社会信用代码,网格编码,行业,员工人数,注册地址\r\n好企业,91350100M000100Y43,330105001001001,信息技术,10,小河路1号\r\n");

        var refused = await client.PostAsync("/api/imports/Enterprises?commit=true", File("e.csv", bad));
        var report = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.False(report.GetProperty("committed").GetBoolean());
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("reason").GetString())).ToList();
        Assert.Contains((3, "统一社会信用代码", "统一社会信用代码校验位错误"), errors);
        Assert.Contains((3, "员工人数", "应为0至1000000之间的整数"), errors);

        var committed = await client.PostAsync("/api/imports/Enterprises?commit=true", File("e.csv", good));
        Assert.Equal(HttpStatusCode.OK, committed.StatusCode);
        var again = JsonDocument.Parse(await (await client.PostAsync("/api/imports/Enterprises?commit=true", File("e.csv", good))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, again.GetProperty("inserted").GetInt32());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ABinaryFileCalledXlsxGetsAClearError(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var client = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var response = await client.PostAsync("/api/imports/Residents", File("r.xlsx", [1, 2, 3, 4, 5]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("无法读取 Excel 文件", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnonymousCallersGet401AndPagesRedirectToSignIn(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/residents")).StatusCode);
        var page = await client.GetAsync("/residents");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
