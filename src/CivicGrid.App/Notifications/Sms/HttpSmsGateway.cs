using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace CivicGrid.App.Notifications.Sms;

/// <summary>
/// Sends through an SMS provider's HTTP API: one POST of JSON (<c>phone</c>, <c>templateId</c>, <c>params</c>) with the
/// key as a bearer token. Providers that want another shape sit behind a small relay that speaks this one.
/// </summary>
public sealed class HttpSmsGateway(HttpClient http, IOptionsMonitor<SmsOptions> options) : ISmsSender
{
    public const string ClientName = "sms";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task SendAsync(SmsMessage message, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.GatewayUrl)
        {
            Content = JsonContent.Create(new { phone = message.Phone, templateId = settings.Template, @params = message.Parameters }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new SmsFailedException($"短信网关拒绝了请求：{(int)response.StatusCode}");
            }
        }
        catch (HttpRequestException e)
        {
            throw new SmsFailedException("短信网关无法连接", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new SmsFailedException("短信网关超时", e);
        }
    }
}
