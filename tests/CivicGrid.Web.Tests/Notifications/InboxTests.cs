using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicGrid.App.Notifications;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Notifications;

public class InboxTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task CaseMoveLandsInTheResidentsInboxAndNowhereElse(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid.Code);
        var neighbour = await site.CreateClientAsync(StaffRole.Resident, grid.Code);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var id = await CivicGridFactory.SubmitCaseAsync(resident, grid);

        (await CivicGridFactory.ActAsync(worker, id, "Accept")).EnsureSuccessStatusCode();

        var inbox = await InboxAsync(resident);
        var message = Assert.Single(inbox.GetProperty("messages").GetProperty("items").EnumerateArray());
        Assert.Equal($"诉求 #{id} 立案", message.GetProperty("title").GetString());
        Assert.Equal($"cases/{id}", message.GetProperty("link").GetString());
        Assert.Equal(1, inbox.GetProperty("unread").GetInt32());
        var messageId = message.GetProperty("id").GetInt64();

        Assert.Empty((await InboxAsync(neighbour)).GetProperty("messages").GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsync($"/api/inbox/{messageId}/read", null)).StatusCode);
        Assert.Equal(1, (await InboxAsync(resident)).GetProperty("unread").GetInt32());

        (await resident.PostAsync($"/api/inbox/{messageId}/read", null)).EnsureSuccessStatusCode();
        Assert.Equal(0, (await InboxAsync(resident)).GetProperty("unread").GetInt32());
        Assert.NotEqual(0, (await InboxAsync(worker)).GetProperty("unread").GetInt32());
        (await worker.PostAsync("/api/inbox/read-all", null)).EnsureSuccessStatusCode();
        Assert.Equal(0, (await InboxAsync(worker)).GetProperty("unread").GetInt32());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task InboxPageShowsTheMessagesAndTheMenuCountsTheUnread(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid.Code);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        Assert.Contains("id=\"empty\"", await resident.GetStringAsync("/inbox"), StringComparison.Ordinal);

        var id = await CivicGridFactory.SubmitCaseAsync(resident, grid);
        (await CivicGridFactory.ActAsync(worker, id, "Accept")).EnsureSuccessStatusCode();

        var page = await resident.GetStringAsync("/inbox");
        Assert.Contains($"诉求 #{id} 立案", page, StringComparison.Ordinal);
        Assert.Contains("id=\"inbox-unread\">1<", page, StringComparison.Ordinal);

        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var posted = await resident.PostAsync("/inbox", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "read-all", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.DoesNotContain("id=\"inbox-unread\"", await resident.GetStringAsync("/inbox"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task WithoutAMailServerEmailStaysQueuedAndTheAdminPageSaysSo(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid.Code, email: "zhang.san@example.cn");
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var id = await CivicGridFactory.SubmitCaseAsync(resident, grid);
        (await CivicGridFactory.ActAsync(worker, id, "Accept")).EnsureSuccessStatusCode();

        await Outbox.DeliverAsync(site);

        var email = Assert.Single(await Outbox.RowsAsync(site, OutboxKind.Email));
        Assert.Null(email.SentAt);
        Assert.Equal(0, email.Attempts);
        var status = await admin.GetFromJsonAsync<JsonElement>("/api/admin/webhooks/outbox");
        Assert.False(status.GetProperty("emailConfigured").GetBoolean());
        Assert.Equal(1, status.GetProperty("emailsQueued").GetInt32());
        Assert.Contains("id=\"smtp-missing\"", await admin.GetStringAsync("/admin/webhooks"), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> InboxAsync(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/inbox");
}
