using CivicGrid.App.Access;
using CivicGrid.App.CashBenefits;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.CashBenefits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// The district's monthly list of the old-age allowance (issue 25): every street's list built through
/// <see cref="BuildPaymentListHandler"/> (the street's rule facts read, the tiers compiled, each resident through the
/// entitlement calculator, the lines written), against one plain SQL statement that counts and sums the same entitled
/// residents per street by birth-date ranges. The schedule takes effect this month with no arrears, so each entitled
/// person has one line. Each timed run starts from no list (the month's lists are deleted, untimed, before it); the
/// rebuild of unchanged drafts, which keeps every line, is reported beside it.
/// </summary>
internal static class CashScenario
{
    private const string District = "330105";

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        var (database, origin) = await DistrictData.OpenAsync(options, kind);
        await using var _ = database;
        Console.WriteLine($"[{kind}] {origin}");
        var month = BenefitMonth.Of(DistrictTime.Today(TimeProvider.System));
        var streets = await PrepareAsync(database, month);
        var runs = options.Quick ? 3 : 5;
        var lines = 0;
        await BuildAsync(database, streets, month);
        var ours = await Repeated.TimeAsync(runs, () => ClearAsync(database, month), async () => lines = await BuildAsync(database, streets, month));
        var rebuilt = await Repeated.TimeAsync(runs, async () => lines = await BuildAsync(database, streets, month));
        var anchorPeople = 0L;
        var anchor = await Repeated.TimeAsync(runs, async () => anchorPeople = await PlainAsync(database, month));
        Console.WriteLine($"[{kind}] district cash list p50 {ours.P50:F0} ms, max {ours.Max:F0} ms, rebuilt unchanged p50 {rebuilt.P50:F0} ms ({lines:N0} lines over {streets.Count} streets); plain SQL p50 {anchor.P50:F0} ms ({anchorPeople:N0} entitled)");
        if (anchorPeople != lines)
        {
            throw new InvalidOperationException($"The lists hold {lines} lines, the plain SQL counts {anchorPeople} entitled.");
        }
        return
        [
            new ScenarioResult($"cash list, district ({lines:N0} entitled)", kind, ours.P50, anchor.P50, "ms", 1,
                $"ours: BuildPaymentList for every street from no list (candidates picked by the tiers in SQL, their facts read, calculator per candidate, every line written; max of {runs} {ours.Max:F0} ms; rebuilt unchanged, keeping every line, p50 {rebuilt.P50:F0} ms); anchor: one SQL count and tier sum per street, nothing written") { MaxOurs = 2_000 },
        ];
    }

    /// <summary>The allowance's tiers saved as the district would, and the district's streets.</summary>
    private static async Task<List<string>> PrepareAsync(BenchDatabase database, BenefitMonth month)
    {
        await using var scope = database.Scope();
        scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new AccountJurisdiction(District, StaffRole.DistrictAdmin, "区民政", null));
        var saved = await scope.ServiceProvider.GetRequiredService<SaveBenefitScheduleHandler>().HandleAsync(new SaveBenefitSchedule("S01",
            [new("age >= 80 and age < 90", "100"), new("age >= 90 and age < 100", "200"), new("age >= 100", "500")],
            BenefitPeriod.Monthly, BenefitStart.MonthAfterQualifying, month.ToString(), 0, true), CancellationToken.None);
        if (saved.Kind != OutcomeKind.Ok)
        {
            throw new InvalidOperationException($"SaveBenefitSchedule: {string.Join(";", saved.Errors.SelectMany(e => e.Value))}");
        }
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        return await db.TerritoryNodes.Where(n => n.Code.Length == 9).Select(n => n.Code).OrderBy(c => c).ToListAsync();
    }

    /// <summary>The month's lists taken away (their lines go with them), so the next build starts from none.</summary>
    private static async Task ClearAsync(BenchDatabase database, BenefitMonth month)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
#pragma warning disable RS0030 // the bench clears what it built, whoever may see it
        await db.PaymentLists.IgnoreQueryFilters().Where(l => l.Month == month.Index).ExecuteDeleteAsync();
#pragma warning restore RS0030
    }

    private static async Task<int> BuildAsync(BenchDatabase database, IReadOnlyList<string> streets, BenefitMonth month)
    {
        var lines = 0;
        foreach (var street in streets)
        {
            await using var scope = database.Scope();
            scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new AccountJurisdiction(District, StaffRole.DistrictAdmin, "区民政", null));
            var built = await scope.ServiceProvider.GetRequiredService<BuildPaymentListHandler>().HandleAsync(new BuildPaymentList("S01", street, month.ToString()), CancellationToken.None);
            lines += built.Value?.LineCount ?? throw new InvalidOperationException($"BuildPaymentList: {string.Join(";", built.Errors.SelectMany(e => e.Value))}");
        }
        return lines;
    }

    /// <summary>The engine's own count of the month's entitled: registered, active, 80 or more on the month's eve.</summary>
    private static async Task<long> PlainAsync(BenchDatabase database, BenefitMonth month)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var eve = month.FirstDay.AddDays(-1);
        var rows = await RawSql.QueryAsync(db, """
            SELECT substr(r."GridCode", 1, 9), COUNT(*),
                   SUM(CASE WHEN r."BirthDate" <= @b100 THEN 50000 WHEN r."BirthDate" <= @b90 THEN 20000 ELSE 10000 END)
            FROM "Residents" r
            WHERE r."DepartedOn" IS NULL AND r."ResidenceType" = 0 AND r."BirthDate" <= @b80
            GROUP BY substr(r."GridCode", 1, 9)
            """, [("b80", eve.AddYears(-80)), ("b90", eve.AddYears(-90)), ("b100", eve.AddYears(-100))], r => r.GetInt64(1), CancellationToken.None);
        return rows.Sum();
    }
}
