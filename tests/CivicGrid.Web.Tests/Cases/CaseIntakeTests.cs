using CivicGrid.App.Notifications;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Cases;

/// <summary>Cases submitted at the same moment are written in groups; each must come out as if written alone.</summary>
public class CaseIntakeTests
{
    private const int Together = 40;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task CasesSubmittedTogetherAreEachStoredOnceWithTheirReceiptAuditMessageAndCount(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var residents = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => site.CreateClientAsync(StaffRole.Resident, grid.Code)));
        await site.CreateAccountAsync(StaffRole.GridWorker, grid.Code);
        var receivedBefore = await ReceivedAsync(site, grid.Code);

        var ids = await Task.WhenAll(Enumerable.Range(0, Together).Select(i => CivicGridFactory.SubmitCaseAsync(residents[i % 4], grid, description: $"第{i}号诉求：楼道灯不亮")));

        Assert.Equal(Together, ids.Distinct().Count());
        await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var cases = await db.Cases.Where(c => ids.Contains(c.Id)).Include(c => c.Timeline).ToListAsync();
            Assert.All(cases, c => Assert.Equal([CaseAction.Receive], c.Timeline.Select(t => t.Action)));
            Assert.Equal(ids.Order(), cases.Select(c => c.Id).Order());
            var keys = ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var audited = await db.AuditEntries.Where(e => e.Entity == nameof(Case) && e.Action == "create" && keys.Contains(e.EntityKey)).ToListAsync();
            Assert.Equal(keys.Order(), audited.Select(e => e.EntityKey).Order());
            Assert.All(audited, e => Assert.StartsWith("resident", e.Actor, StringComparison.Ordinal));
            var links = ids.Select(id => $"cases/{id}").ToList();
            Assert.Equal(Together, await db.InboxMessages.CountAsync(m => links.Contains(m.Link!)));
            return true;
        });
        Assert.Equal(receivedBefore + Together, await ReceivedAsync(site, grid.Code));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ACaseThatCannotBeStoredFailsAloneAndTheOthersOfItsGroupAreStored(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid.Code);
        var existing = await CivicGridFactory.SubmitCaseAsync(resident, grid);
        var token = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Cases.Where(c => c.Id == existing).Select(c => c.Token!).SingleAsync());
        var intake = site.Services.GetRequiredService<CaseIntake>();

        // The same token as a stored case breaks its unique index, whichever group it lands in.
        var writes = Enumerable.Range(0, 12).Select(i => intake.WriteAsync(Received(grid.Code, i == 5 ? token : $"tk{i:D2}-{Guid.NewGuid():N}"))).ToList();
        var outcomes = await Task.WhenAll(writes.Select(async w => { try { return await w; } catch (DbUpdateException) { return -1; } catch (System.Data.Common.DbException) { return -1; } }));

        Assert.Equal(-1, outcomes[5]);
        Assert.Equal(11, outcomes.Count(id => id > 0));
        var stored = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Cases.CountAsync(c => c.Token!.StartsWith("tk")));
        Assert.Equal(11, stored);
    }

    private static NewCase Received(string gridCode, string token)
    {
        var c = new Case { ItemCode = "0101", GridCode = gridCode, Description = "电梯异响，存在安全隐患", Token = token };
        var rules = new CaseRules(new DeliberationItem { Code = "0101", Name = "噪音", Category = "环境" }, WorkingCalendar.WeekdaysOnly, AppHarness.Now.UtcDateTime);
        return new NewCase(c, c.Receive(rules, "测试"), [], "tests", null, AppHarness.Now.UtcDateTime);
    }

    private static Task<long> ReceivedAsync(CivicGridFactory site, string gridCode) => site.AsSystemAsync(sp =>
        sp.GetRequiredService<CivicGridDbContext>().CaseMonthlyStats.Where(s => s.GridCode == gridCode).SumAsync(s => s.Received));
}
