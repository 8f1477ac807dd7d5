using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Writes;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.Access;
using CivicGrid.Core.CashBenefits;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Rules;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.CashBenefits;

/// <summary>Builds (or rebuilds, while a draft) one street's payment list of a cash service for a month (编制发放名单).</summary>
public sealed record BuildPaymentList(string? ServiceCode, string? StreetCode, string? Month);

/// <summary>
/// Lets the database pick the street's candidates by the tiers translated to SQL, reads their rule facts (with those who
/// left within the arrears window, judged on the same facts) and the periods already on lists, and runs
/// <see cref="EntitlementCalculator"/> per candidate in memory; the lines are written by the bulk path in one transaction.
/// </summary>
public sealed class BuildPaymentListHandler(CivicGridDbContext db, RuleBook rules, BulkInsert bulk)
{
    public const string Refusal = "只有街道和区级民政人员可以编制发放名单";

    public async Task<Outcome<PaymentListView>> HandleAsync(BuildPaymentList command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.PayCashBenefits))
        {
            return Outcome<PaymentListView>.Forbidden(Refusal);
        }
        if (command.StreetCode is not { } street || !TerritoryCode.IsValid(street) || TerritoryCode.LevelOf(street) != TerritoryLevel.Street
            || !db.Jurisdiction.Covers(street))
        {
            return Outcome<PaymentListView>.Invalid("streetCode", "街道编码应为辖区内的 9 位街道编码");
        }
        if (!BenefitMonth.TryParse(command.Month, out var month) || month > BenefitMonth.Of(db.Clock.Today()))
        {
            return Outcome<PaymentListView>.Invalid("month", "月份应写作 yyyy-MM，且不能是将来的月份");
        }
        var context = await rules.ContextAsync(ct);
        var (found, refusal) = await ScheduleReader.ReadAsync(db, command.ServiceCode ?? "", context, ct);
        if (found is null)
        {
            return Outcome<PaymentListView>.Invalid("serviceCode", refusal!);
        }
        var list = await db.PaymentLists.FirstOrDefaultAsync(l => l.ServiceItemId == found.Service.Id && l.StreetCode == street && l.Month == month.Index, ct);
        if (list is { MayRebuild: false })
        {
            return Outcome<PaymentListView>.Invalid("", $"{month} 名单{list.Status.ChineseName()}，不能重新编制；更正请在下月名单中进行");
        }
        var (lines, stops) = await ComputeAsync(found, street, month, list?.Id, ct);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Line ids are assigned here for the bulk write; the audit head's lock serialises that with every bulk writer.
            await AuditTrail.LockHeadAsync(db, ct);
            list = await WriteAsync(list, found, street, month, lines, ct);
            await transaction.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        return Outcome<PaymentListView>.Ok(PaymentListViews.Built(list, found.Service.Code, lines, stops));
    }

    private async Task<PaymentList> WriteAsync(PaymentList? list, ScheduleInForce found, string street, BenefitMonth month, List<PaymentLine> lines, CancellationToken ct)
    {
        list ??= db.PaymentLists.Add(new PaymentList { ServiceItemId = found.Service.Id, StreetCode = street, Month = month.Index }).Entity;
        var fresh = list.Id == 0 ? lines : await ReplaceChangedAsync(list.Id, lines, ct);
        list.ScheduleVersion = found.Stored.Version;
        list.BuiltAt = db.Clock.GetUtcNow().UtcDateTime;
        list.LineCount = lines.Count;
        list.TotalFen = lines.Sum(l => l.AmountFen);
        list.Version++;
        await db.SaveChangesAsync(ct);
        var nextId = await bulk.NextIdAsync<PaymentLine>(ct);
        for (var i = 0; i < fresh.Count; i++)
        {
            fresh[i].Id = nextId + i;
            fresh[i].PaymentListId = list.Id;
        }
        await bulk.WriteAsync(fresh, ct);
        return list;
    }

    /// <summary>
    /// A rebuilt draft keeps the lines that come out the same, deletes the others and returns the new ones to insert: a
    /// rebuild after a few corrections writes a few rows, not the street's whole list again.
    /// </summary>
    private async Task<List<PaymentLine>> ReplaceChangedAsync(int listId, List<PaymentLine> lines, CancellationToken ct)
    {
        var held = await db.PaymentLines.AsNoTracking().Where(l => l.PaymentListId == listId)
            .Select(l => new { l.Id, l.ResidentId, l.Period, l.GridCode, l.FromMonth, l.ToMonth, l.AmountFen, l.Arrears }).ToListAsync(ct);
        var wanted = lines.ToDictionary(l => (l.ResidentId, l.Period));
        var kept = held.Where(h => wanted.TryGetValue((h.ResidentId, h.Period), out var w) && w.GridCode == h.GridCode && w.FromMonth == h.FromMonth
            && w.ToMonth == h.ToMonth && w.AmountFen == h.AmountFen && w.Arrears == h.Arrears).ToList();
        var stale = held.Select(h => h.Id).Except(kept.Select(k => k.Id)).ToList();
        foreach (var chunk in stale.Chunk(1000))
        {
            await db.PaymentLines.Where(l => chunk.Contains(l.Id)).ExecuteDeleteAsync(ct);
        }
        var same = kept.Select(k => (k.ResidentId, k.Period)).ToHashSet();
        return lines.Where(l => !same.Contains((l.ResidentId, l.Period))).ToList();
    }

    private async Task<(List<PaymentLine> Lines, List<StopView> Stops)> ComputeAsync(
        ScheduleInForce found, string street, BenefitMonth month, int? listId, CancellationToken ct)
    {
        var schedule = found.Compiled.Schedule;
        var windowStart = month.Plus(-schedule.ArrearsMonths).FirstDay;
        var (active, departed) = await ResidentFactsReader.ReadWithDepartedAsync(
            db, street, windowStart, Candidates(found, street, month), found.Compiled.ReadsHousehold, ct);
        var people = active.Select(f => (Facts: f, Ends: PersonEnds.None))
            .Concat(departed.Select(d => (d.Facts, Ends: d.Departure == Departure.Died ? new PersonEnds(d.DepartedOn, null) : new PersonEnds(null, d.DepartedOn))))
            .ToList();
        // A quarter owed at the window's start may have begun up to two months before it.
        var settled = await SettledAsync(found.Service.Id, people.Select(p => p.Facts.ResidentId).ToList(), listId, month.Plus(-schedule.ArrearsMonths - 2).Index, ct);
        var lastMonth = month.Previous.Index;
        var lines = new List<PaymentLine>();
        var stopped = new List<(int Id, StopReason Reason)>();
        foreach (var (facts, ends) in people)
        {
            var mine = settled.TryGetValue(facts.ResidentId, out var periods) ? periods : [];
            var owed = EntitlementCalculator.Owed(schedule, month, found.Compiled.RatesOf(facts), ends, mine);
            lines.AddRange(owed.Owed.Select(p => new PaymentLine
            {
                ServiceItemId = found.Service.Id, ResidentId = facts.ResidentId, GridCode = facts.GridCode, Period = p.Period,
                FromMonth = p.From.Index, ToMonth = p.To.Index, AmountFen = p.Amount.Value, Arrears = p.Arrears,
            }));
            if (owed.Stopped is { } reason && mine.Contains(schedule.PeriodOf(month.Previous)) && schedule.Period == BenefitPeriod.Monthly && lastMonth >= 0)
            {
                stopped.Add((facts.ResidentId, reason));
            }
        }
        var names = await db.Residents.AsNoTracking().Where(r => stopped.Select(s => s.Id).Contains(r.Id))
            .Select(r => new { r.Id, r.Name }).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        return (lines, stopped.Select(s => new StopView(s.Id, names.GetValueOrDefault(s.Id, ""), s.Reason, s.Reason.ChineseName())).ToList());
    }

    /// <summary>
    /// Whom the calculator needs to see: those a tier holds for in a month the list may pay, and those on the street's list
    /// of last month, whose stop is reported. The departed of the window are read besides.
    /// </summary>
    private List<RuleSql> Candidates(ScheduleInForce found, string street, BenefitMonth month)
    {
        var schedule = found.Compiled.Schedule;
        var paidLastMonth = """
            r."Id" IN (SELECT l."ResidentId" FROM "PaymentLines" l JOIN "PaymentLists" p ON p."Id" = l."PaymentListId"
                       WHERE p."ServiceItemId" = @paidService AND p."StreetCode" = @paidStreet AND p."Month" = @paidMonth AND l."Status" <> @paidFailed)
            """;
        return
        [
            found.Compiled.CandidatesSql(EntitlementCalculator.FirstMonthLookedAt(schedule, month), month, rules.Dialect),
            new RuleSql(paidLastMonth,
                [("@paidService", found.Service.Id), ("@paidStreet", street), ("@paidMonth", month.Previous.Index), ("@paidFailed", (int)PaymentLineStatus.Failed)]),
        ];
    }

    /// <summary>
    /// The periods of each candidate already on a list and not failed, from <paramref name="sincePeriod"/> on (and any
    /// one-off), so the read grows neither with the years nor with the street; this list's own lines are about to be replaced.
    /// </summary>
    private async Task<Dictionary<int, HashSet<int>>> SettledAsync(int serviceId, List<int> residents, int? listId, int sincePeriod, CancellationToken ct)
    {
        var own = listId ?? 0;
        var rows = await db.PaymentLines.AsNoTracking()
            .Where(l => residents.Contains(l.ResidentId) && l.ServiceItemId == serviceId && l.Status != PaymentLineStatus.Failed && l.PaymentListId != own
                && (l.Period >= sincePeriod || l.Period == BenefitNames.OneOffPeriod))
            .Select(l => new { l.ResidentId, l.Period }).ToListAsync(ct);
        return rows.GroupBy(r => r.ResidentId).ToDictionary(g => g.Key, g => g.Select(r => r.Period).ToHashSet());
    }
}
