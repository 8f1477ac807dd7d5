using System.Globalization;
using System.Net.Http.Json;
using CivicGrid.App.Audit;
using CivicGrid.App.Data;
using CivicGrid.App.Notifications;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using CivicGrid.Web.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Hosting;

/// <summary>The outbox and the audit chain are shared by every node: each message leaves once, and the chain stays one chain.</summary>
public class OutboxAndAuditAcrossNodesTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TwoNodesDeliveringAtOnceSendEachMessageExactlyOnce(DatabaseKind kind)
    {
        await using var sink = new SmtpSink();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var first = await CivicGridFactory.StartAsync(database, settings: Outbox.Smtp(sink));
        await using var second = CivicGridFactory.Attach(database, settings: Outbox.Smtp(sink));
        var grid = (await first.GridsAsync())[0];
        var admin = await first.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        (await admin.PostAsJsonAsync("/api/admin/webhooks", new { name = "市民热线平台", url = receiver.Url })).EnsureSuccessStatusCode();
        var resident = await SignInAsync(second, await first.CreateAccountAsync(StaffRole.Resident, grid.Code, email: "wang.wu@example.cn"));
        var worker = await first.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        for (var i = 0; i < 4; i++)
        {
            var id = await CivicGridFactory.SubmitCaseAsync(resident, grid, description: $"第{i + 1}盏路灯不亮，夜里看不清路");
            (await CivicGridFactory.ActAsync(worker, id, "Accept")).EnsureSuccessStatusCode();
        }

        var reports = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Outbox.DeliverAsync(i % 2 == 0 ? first : second)));
        var again = await Outbox.DeliverAsync(first);

        var emails = await Outbox.RowsAsync(second, OutboxKind.Email);
        var hooks = await Outbox.RowsAsync(second, OutboxKind.Webhook);
        Assert.True(emails.Count >= 4, "each accepted case tells the resident");
        Assert.NotEmpty(hooks);
        Assert.Equal(emails.Count + hooks.Count, reports.Sum(r => r.Sent));
        Assert.Equal(0, again.Claimed);
        Assert.Equal(emails.Count, sink.Messages.Count);
        Assert.Equal(hooks.Select(h => h.Id.ToString(CultureInfo.InvariantCulture)).Order(),
            receiver.Calls.Select(c => c.Header("X-CivicGrid-Delivery")).Order());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ThreeNodesWritingAndLinkingAtOnceKeepOneChain(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var first = await CivicGridFactory.StartAsync(database);
        await using var second = CivicGridFactory.Attach(database);
        await using var third = CivicGridFactory.Attach(database);
        CivicGridFactory[] nodes = [first, second, third];
        var grid = (await first.GridsAsync())[0];
        var residents = new List<HttpClient>();
        foreach (var node in nodes)
        {
            residents.Add(await SignInAsync(node, await first.CreateAccountAsync(StaffRole.Resident, grid.Code)));
        }

        var writes = residents.Select(async (client, n) =>
        {
            for (var i = 0; i < 5; i++)
            {
                await CivicGridFactory.SubmitCaseAsync(client, grid, description: $"第{n + 1}栋第{i + 1}单元门禁损坏，无法关门");
            }
        });
        var links = nodes.SelectMany(node => Enumerable.Range(0, 4).Select(async _ =>
        {
            await Task.Yield();
            return await LinkAsync(node);
        }));
        await Task.WhenAll(writes.Concat(links));
        await Task.WhenAll(nodes.Select(LinkAsync));

        var (verification, entries, unlinked, sequences) = await third.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var verified = await sp.GetRequiredService<AuditQueriesHandler>().HandleAsync(new VerifyAuditChain(), CancellationToken.None);
            var numbers = await db.AuditEntries.Where(e => e.Sequence != null).Select(e => e.Sequence!.Value).ToListAsync();
            return (verified, await db.AuditEntries.CountAsync(), await db.AuditEntries.CountAsync(e => e.Sequence == null), numbers);
        });
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(0, unlinked);
        Assert.Equal(entries, verification.Checked);
        Assert.Equal(Enumerable.Range(1, entries).Select(i => (long)i), sequences.Order());
    }

    /// <summary>Account names are counted per site, so every account is made on the first node and used on its own.</summary>
    private static async Task<HttpClient> SignInAsync(CivicGridFactory node, string userName)
    {
        var client = node.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = CivicGridFactory.Password })).EnsureSuccessStatusCode();
        await CivicGridFactory.AddRequestTokenAsync(client);
        return client;
    }

    private static Task<long> LinkAsync(CivicGridFactory node) =>
        node.AsSystemAsync(sp => sp.GetRequiredService<LinkAuditEntriesHandler>().HandleAsync(new LinkAuditEntries(BatchSize: 3), CancellationToken.None));
}
