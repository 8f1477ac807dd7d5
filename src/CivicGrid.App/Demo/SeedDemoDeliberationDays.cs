using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Demo;

/// <summary>
/// Gives the demo's communities a held deliberation day (议事日) about three weeks ago and one to come, so residents
/// see outcomes and plans: the held day's agenda is two of the community's public cases closed in the last month under
/// items that may be deliberated, each with a chosen option (or a consensus), a done plan task and participants from
/// the think-tank groups. Communities without such a case get no day. Returns how many days were written.
/// </summary>
public sealed record SeedDemoDeliberationDays(int MaxCommunities = 40);

public sealed class SeedDemoDeliberationDaysHandler(CivicGridDbContext db, CaseReference reference)
{
    private static readonly string[] Speakers = ["居民代表", "楼道长", "物业经理", "业委会委员", "老党员"];

    public async Task<int> HandleAsync(SeedDemoDeliberationDays command, CancellationToken ct)
    {
        var snapshot = await reference.GetAsync(db, ct);
        var items = snapshot.Items.Values.Where(i => i.Public && i.MayDeliberate).Select(i => i.Code).ToList();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-30);
        CaseStatus[] closed = [CaseStatus.Closed, CaseStatus.Evaluated];
        var candidates = await db.SystemWork().Cases.AsNoTracking()
            .Where(c => c.Source != CaseSource.Visit && items.Contains(c.ItemCode) && closed.Contains(c.Status) && c.ClosedAt >= since && c.DeliberationDayId == null)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.GridCode, c.ItemCode, c.ClosedAt }).ToListAsync(ct);
        var groups = await db.ThinkTankGroups.AsNoTracking().OrderBy(g => g.Id).Select(g => g.Id).ToListAsync(ct);
        var today = db.Clock.Today();
        var agendas = new List<(DeliberationDay Day, List<int> Cases)>();
        foreach (var community in candidates.GroupBy(c => c.GridCode[..12]).OrderBy(g => g.Key).Take(command.MaxCommunities))
        {
            var agenda = community.Take(2).ToList();
            var held = today.AddDays(-21);
            var day = new DeliberationDay
            {
                HostCode = community.Key, Title = "居民议事日", Date = held, Place = "社区议事厅",
                HeldAt = held.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), Minutes = "议事代表逐项讨论，形成方案并明确责任单位。",
            };
            for (var i = 0; i < 5; i++)
            {
                day.Participants.Add(new DeliberationParticipant { Name = $"{Speakers[i]}", GroupId = i < groups.Count && i % 2 == 0 ? groups[i] : null });
            }
            foreach (var (c, n) in agenda.Select((c, n) => (c, n)))
            {
                var name = snapshot.Items[c.ItemCode].Name;
                var consensus = n % 2 == 1;
                day.Options.Add(new DeliberationOption { CaseId = c.Id, Text = $"{name}：社区牵头、物业配合，两周内整改到位", Votes = consensus ? 0 : 18, Chosen = !consensus, IsConsensus = consensus });
                if (!consensus)
                {
                    day.Options.Add(new DeliberationOption { CaseId = c.Id, Text = $"{name}：提交街道统筹处理", Votes = 5 });
                }
                day.Tasks.Add(new PlanTask { CaseId = c.Id, Title = $"落实{name}整改方案", Owner = "社区居委会", DueDate = held.AddDays(14), DoneAt = c.ClosedAt });
            }
            agendas.Add((day, agenda.ConvertAll(c => c.Id)));
            db.DeliberationDays.Add(day);
            db.DeliberationDays.Add(new DeliberationDay { HostCode = community.Key, Title = "下期居民议事日", Date = today.AddDays(9), Place = "社区议事厅" });
        }
        await db.SaveChangesAsync(ct);
        foreach (var (day, cases) in agendas)
        {
            // The historic cases were played without a day; linking them afterwards is the demo's shortcut.
            await db.SystemWork().Cases.Where(c => cases.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.DeliberationDayId, day.Id), ct);
        }
        db.ChangeTracker.Clear();
        return agendas.Count * 2;
    }
}
