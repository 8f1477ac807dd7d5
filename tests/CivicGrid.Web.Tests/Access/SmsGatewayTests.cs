using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CivicGrid.Web.Tests.Access;

public class SmsGatewayTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task WithAGatewayTheCodeGoesToTheProviderWithTheKeyAndTemplateAndAFailureSavesNoCode(DatabaseKind kind)
    {
        await using var provider = await WebhookReceiver.StartAsync();
        await using var site = await CivicGridFactory.StartAsync(kind, settings: new Dictionary<string, string?>
        {
            ["Sms:GatewayUrl"] = provider.Url, ["Sms:ApiKey"] = "provider-key", ["Sms:Template"] = "SMS_0001",
        });
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/phone-code", new { phone = "13900000021", purpose = 0 })).StatusCode);

        var call = Assert.Single(provider.Calls);
        Assert.Equal("Bearer provider-key", call.Header("Authorization"));
        var body = JsonDocument.Parse(call.Body).RootElement;
        Assert.Equal("13900000021", body.GetProperty("phone").GetString());
        Assert.Equal("SMS_0001", body.GetProperty("templateId").GetString());
        Assert.Matches("^[0-9]{6}$", body.GetProperty("params").GetProperty("code").GetString());

        provider.Status = 500;
        var failed = await client.PostAsJsonAsync("/api/auth/phone-code", new { phone = "13900000022", purpose = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        Assert.Contains("短信发送失败", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var register = await client.PostAsJsonAsync("/api/auth/register", new { phone = "13900000022", code = "123456", name = "王小明", idNumber = "11010519491231002X", communityCode = (await site.GridsAsync())[0].Code[..12], password = "Pale-harbour-lantern-7" });
        Assert.Contains("请先获取验证码", await register.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
