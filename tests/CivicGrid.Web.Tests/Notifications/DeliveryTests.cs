using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.App.Notifications;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CivicGrid.Web.Tests.Notifications;

public class DeliveryTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task DeliveryPassSendsTheResidentAChineseEmailThroughSmtp(DatabaseKind kind)
    {
        await using var sink = new SmtpSink();
        await using var site = await CivicGridFactory.StartAsync(kind, settings: Outbox.Smtp(sink));
        var grid = (await site.GridsAsync())[0];
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid.Code, email: "zhang.san@example.cn");
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var id = await CivicGridFactory.SubmitCaseAsync(resident, grid);
        (await CivicGridFactory.ActAsync(worker, id, "Accept")).EnsureSuccessStatusCode();

        var report = await Outbox.DeliverAsync(site);

        Assert.Equal(1, report.Sent);
        var received = Assert.Single(sink.Messages);
        Assert.Equal(["zhang.san@example.cn"], received.Recipients);
        using var mail = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(received.Data)));
        Assert.Equal($"【CivicGrid】诉求 #{id} 立案", mail.Subject);
        Assert.Contains($"/cases/{id}", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("noreply@civicgrid.local", mail.From.Mailboxes.Single().Address);
        Assert.NotNull(Assert.Single(await Outbox.RowsAsync(site, OutboxKind.Email)).SentAt);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task WebhookArrivesSignedWithTheSecretShownOnce(DatabaseKind kind)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var secret = await SubscribeAsync(admin, receiver.Url);
        Assert.DoesNotContain(secret, await admin.GetStringAsync("/api/admin/webhooks"), StringComparison.Ordinal);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var id = await CivicGridFactory.SubmitCaseAsync(worker, grid);

        await Outbox.DeliverAsync(site);

        var call = Assert.Single(receiver.Calls);
        var timestamp = call.Header("X-CivicGrid-Timestamp");
        Assert.Equal(AppHarness.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        Assert.Equal($"sha256={Hmac(secret, $"{timestamp}.{call.Body}")}", call.Header("X-CivicGrid-Signature"));
        Assert.Equal("case.receive", call.Header("X-CivicGrid-Event"));
        var row = Assert.Single(await Outbox.RowsAsync(site, OutboxKind.Webhook));
        Assert.Equal(row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), call.Header("X-CivicGrid-Delivery"));
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), JsonDocument.Parse(call.Body).RootElement.GetProperty("caseId").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task FailingWebhookIsRetriedWithBackoffUntilItIsDelivered(DatabaseKind kind)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = 500;
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        await SubscribeAsync(await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105"), receiver.Url);
        await CivicGridFactory.SubmitCaseAsync(await site.CreateClientAsync(StaffRole.GridWorker, grid.Code), grid);

        Assert.Equal(1, (await Outbox.DeliverAsync(site)).Failed);
        var row = Assert.Single(await Outbox.RowsAsync(site, OutboxKind.Webhook));
        Assert.Equal((1, "接收方返回 HTTP 500", AppHarness.Now.UtcDateTime.AddMinutes(1)), (row.Attempts, row.LastError, row.NextAttemptAt));
        Assert.Equal(0, (await Outbox.DeliverAsync(site)).Claimed);

        site.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await Outbox.DeliverAsync(site)).Failed);
        row = Assert.Single(await Outbox.RowsAsync(site, OutboxKind.Webhook));
        Assert.Equal((2, AppHarness.Now.UtcDateTime.AddMinutes(1 + 2)), (row.Attempts, row.NextAttemptAt));

        receiver.Status = 200;
        site.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, (await Outbox.DeliverAsync(site)).Sent);
        Assert.Equal(3, receiver.Calls.Count);
        Assert.Single(receiver.Calls.Select(c => c.Header("X-CivicGrid-Delivery")).Distinct());
        Assert.NotNull(Assert.Single(await Outbox.RowsAsync(site, OutboxKind.Webhook)).SentAt);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task UnreachableWebhookIsGivenUpAfterTenAttemptsKeepingTheReason(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        await SubscribeAsync(await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105"), $"http://127.0.0.1:{ClosedPort()}/hook");
        await CivicGridFactory.SubmitCaseAsync(await site.CreateClientAsync(StaffRole.GridWorker, grid.Code), grid);
        await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().OutboxMessages
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, DeliverOutboxHandler.MaxAttempts - 1)));

        Assert.Equal(1, (await Outbox.DeliverAsync(site)).Failed);
        site.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, (await Outbox.DeliverAsync(site)).Claimed);

        var row = Assert.Single(await Outbox.RowsAsync(site, OutboxKind.Webhook));
        Assert.Equal(DeliverOutboxHandler.MaxAttempts, row.Attempts);
        Assert.Null(row.SentAt);
        Assert.StartsWith("请求失败", row.LastError, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PassesRunningAtOnceSendEachMessageExactlyOnce(DatabaseKind kind)
    {
        await using var sink = new SmtpSink();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var site = await CivicGridFactory.StartAsync(kind, settings: Outbox.Smtp(sink));
        var grid = (await site.GridsAsync())[0];
        await SubscribeAsync(await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105"), receiver.Url);
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid.Code, email: "li.si@example.cn");
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        for (var i = 0; i < 3; i++)
        {
            var id = await CivicGridFactory.SubmitCaseAsync(resident, grid, description: $"第{i + 1}处路面破损，行人容易绊倒");
            foreach (var action in new[] { "Accept", "Handle", "Resolve" })
            {
                (await CivicGridFactory.ActAsync(worker, id, action)).EnsureSuccessStatusCode();
            }
        }

        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Outbox.DeliverAsync(site)));

        var emails = await Outbox.RowsAsync(site, OutboxKind.Email);
        var hooks = await Outbox.RowsAsync(site, OutboxKind.Webhook);
        Assert.NotEmpty(emails);
        Assert.NotEmpty(hooks);
        Assert.Equal(emails.Count + hooks.Count, reports.Sum(r => r.Sent));
        Assert.All(emails.Concat(hooks), m => Assert.NotNull(m.SentAt));
        Assert.Equal(emails.Count, sink.Messages.Count);
        Assert.Equal(hooks.Select(h => h.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(),
            receiver.Calls.Select(c => c.Header("X-CivicGrid-Delivery")).Order());
    }

    private static async Task<string> SubscribeAsync(HttpClient admin, string url)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/webhooks", new { name = "市民热线平台", url });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }

    private static string Hmac(string secret, string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text)));

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
