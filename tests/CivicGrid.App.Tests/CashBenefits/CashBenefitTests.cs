using System.Security.Cryptography;
using System.Text;
using CivicGrid.App.Access;
using CivicGrid.App.CashBenefits;
using CivicGrid.App.Data;
using CivicGrid.App.Exports;
using CivicGrid.App.Imports;
using CivicGrid.App.Tests.Imports;
using CivicGrid.Core.CashBenefits;
using CivicGrid.Core.People;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.CashBenefits;

/// <summary>
/// The old-age allowance over two months of one street: the list built from the rule facts, both approvals by two people,
/// the bank file, a return with one failure, the failure fixed and paid on the next month's list, the resident's page.
/// </summary>
public class CashBenefitTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(AppHarness.Now.UtcDateTime);
    private const string Account = "6222020200112233445";

    private static SaveBenefitSchedule AgeTiers(string from = "2026-10", int arrears = 3) => new("S01",
        [new("age >= 80 and age < 90", "100"), new("age >= 90 and age < 100", "200"), new("age >= 100", "500")],
        BenefitPeriod.Monthly, BenefitStart.MonthAfterQualifying, from, arrears, true);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AMonthIsBuiltApprovedExportedAndReconciledAndAFailureIsPaidTheMonthAfter(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using (var district = app.Scope(new SystemJurisdiction("区民政乙")))
        {
            Assert.Equal(OutcomeKind.Ok, (await district.Get<SaveBenefitScheduleHandler>().HandleAsync(AgeTiers(), default)).Kind);
        }
        var (street, failing) = await StreetAsync(app);
        await using (var scope = app.Scope(new SystemJurisdiction("网格员")))
        {
            Assert.Equal(OutcomeKind.Ok, (await scope.Get<SavePayeeAccountHandler>().HandleAsync(new(failing, "工商银行", Account), default)).Kind);
        }

        var november = await BuildAsync(app, street, "2026-11");
        var october = await ExpectedAsync(app, street, new DateOnly(2026, 9, 30));
        var owedNovember = await ExpectedAsync(app, street, new DateOnly(2026, 10, 31));
        Assert.Equal(october.Count + owedNovember.Count, november.LineCount);
        Assert.Equal(october.Sum() + owedNovember.Sum(), november.TotalFen);
        Assert.Equal(october.Count, november.ArrearsLines);

        await ApproveAndExportAsync(app, november);
        await ReconcileAsync(app, november.Id, failing);

        app.Clock.Advance(TimeSpan.FromDays(10));
        var december = await BuildAsync(app, street, "2026-12");
        await using (var scope = app.Scope(new SystemJurisdiction("tests")))
        {
            var lines = await scope.Db.PaymentLines.Where(l => l.PaymentListId == december.Id).ToListAsync();
            var retry = Assert.Single(lines, l => l.Arrears);
            Assert.Equal((failing, BenefitMonth.Of(2026, 11).Index), (retry.ResidentId, retry.Period));
            Assert.Equal((await ExpectedAsync(app, street, new DateOnly(2026, 11, 30))).Count + 1, lines.Count);

            var own = await scope.Get<GetResidentPaymentsHandler>().HandleAsync(new(failing), default);
            var payments = Assert.Single(own).Payments;
            Assert.Equal(["2026-10/已发放", "2026-11/发放失败", "2026-11/待发放", "2026-12/待发放"], payments.Select(p => $"{p.Period}/{p.StatusText}"));
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task APeriodIsOnOneLineOnlyAndAClosedMonthIsNotRebuilt(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using (var district = app.Scope(new SystemJurisdiction("区民政乙")))
        {
            await district.Get<SaveBenefitScheduleHandler>().HandleAsync(AgeTiers(), default);
        }
        var (street, _) = await StreetAsync(app);
        var list = await BuildAsync(app, street, "2026-11");
        var again = await BuildAsync(app, street, "2026-11");
        Assert.Equal((list.Id, list.LineCount), (again.Id, again.LineCount));

        await using var scope = app.Scope(new SystemJurisdiction("tests"));
        var line = await scope.Db.PaymentLines.AsNoTracking().FirstAsync(l => l.PaymentListId == list.Id);
        scope.Db.PaymentLines.Add(new PaymentLine
        {
            PaymentListId = list.Id, ServiceItemId = line.ServiceItemId, ResidentId = line.ResidentId, GridCode = line.GridCode,
            Period = line.Period, FromMonth = line.FromMonth, ToMonth = line.ToMonth, AmountFen = line.AmountFen,
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => scope.Db.SaveChangesAsync());
        scope.Db.ChangeTracker.Clear();

        var stored = await scope.Db.PaymentLists.FirstAsync(l => l.Id == list.Id);
        stored.Status = PaymentListStatus.Closed;
        await scope.Db.SaveChangesAsync();
        var refused = await scope.Get<BuildPaymentListHandler>().HandleAsync(new("S01", street, "2026-11"), default);
        Assert.Equal("2026-11 名单已对账关账，不能重新编制；更正请在下月名单中进行", refused.Errors[""][0]);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task BadSchedulesAreRefusedWithChineseReasonsAndNothingSaved(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var scope = app.Scope(new SystemJurisdiction("区民政乙"));
        var handler = scope.Get<SaveBenefitScheduleHandler>();

        var overlap = await handler.HandleAsync(AgeTiers() with { Tiers = [new("age >= 80 and age <= 90", "100"), new("age >= 90", "200")] }, default);
        var negative = await handler.HandleAsync(AgeTiers() with { Tiers = [new("age >= 80", "-100")] }, default);
        var badAmount = await handler.HandleAsync(AgeTiers() with { Tiers = [new("age >= 80", "1e2")] }, default);

        Assert.StartsWith("第 1 档与第 2 档重叠：90 周岁", overlap.Errors["tiers"][0]);
        Assert.Equal("第 1 档金额不能为负数（-100.00 元）", negative.Errors["tiers"][0]);
        Assert.Equal("第 1 档：金额“1e2”无效，应为元，最多两位小数", badAmount.Errors["tiers[0].amount"][0]);
        Assert.False(await scope.Db.BenefitSchedules.AnyAsync());
    }

    private static async Task<PaymentListView> BuildAsync(AppHarness app, string street, string month)
    {
        await using var scope = app.Scope(new SystemJurisdiction("街道甲"));
        var built = await scope.Get<BuildPaymentListHandler>().HandleAsync(new("S01", street, month), default);
        Assert.True(built.Kind == OutcomeKind.Ok, string.Join(";", built.Errors.SelectMany(e => e.Value)));
        return built.Value!;
    }

    private static async Task ApproveAndExportAsync(AppHarness app, PaymentListView list)
    {
        await using (var street = app.Scope(new SystemJurisdiction("街道甲")))
        {
            Assert.Equal(OutcomeKind.Ok, (await street.Get<ActOnPaymentListHandler>().HandleAsync(new(list.Id, PaymentListAction.StreetApprove), default)).Kind);
            var twice = await street.Get<ActOnPaymentListHandler>().HandleAsync(new(list.Id, PaymentListAction.DistrictApprove), default);
            Assert.Equal("街道审核人“街道甲”不能再做区级审批，两级审批须由不同的人完成", twice.Errors[""][0]);
        }
        await using var district = app.Scope(new SystemJurisdiction("区民政乙"));
        Assert.Equal(OutcomeKind.Ok, (await district.Get<ActOnPaymentListHandler>().HandleAsync(new(list.Id, PaymentListAction.DistrictApprove), default)).Kind);
        var file = (await district.Get<ExportBankFileHandler>().HandleAsync(new(list.Id, ExportFormat.Csv), default)).Value!;
        var text = Encoding.UTF8.GetString(file.Content);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file.Content)), file.Checksum);
        Assert.Equal((list.LineCount, list.TotalFen), (file.Count, file.TotalFen));
        Assert.Contains($"合计,{list.LineCount} 笔,,,,{new Fen(list.TotalFen).Plain()},", text);
        Assert.Contains(Account, text);
        Assert.Equal(file.Checksum, (await district.Db.PaymentLists.SingleAsync(l => l.Id == list.Id)).ExportChecksum);
        var xlsx = await district.Get<ExportBankFileHandler>().HandleAsync(new(list.Id, ExportFormat.Xlsx), default);
        Assert.Equal(OutcomeKind.Ok, xlsx.Kind);
    }

    private static async Task ReconcileAsync(AppHarness app, int listId, int failing)
    {
        await using var district = app.Scope(new SystemJurisdiction("区民政乙"));
        var lines = await district.Db.PaymentLines.AsNoTracking().Where(l => l.PaymentListId == listId).OrderBy(l => l.Id).ToListAsync();
        var failed = lines.Single(l => l.ResidentId == failing && !l.Arrears);
        var rows = lines.Select((l, i) => new BankReturnLine(i + 2, new BankReturnRow(l.Id, l.Amount, l != failed, l == failed ? "户名与账号不符" : null, Today))).ToList();
        var handler = district.Get<ReconcileBankReturnHandler>();

        var bad = await handler.HandleAsync(new(listId, [rows[0] with { Value = rows[0].Value with { Amount = Fen.Yuan(1) } }, .. rows[1..],
            new(99, new BankReturnRow(999_999, Fen.Yuan(100), true, null, null)), new(100, rows[1].Value)]), default);
        Assert.Equal("第 99 行：流水号 999999 不在本名单上", bad.Errors["rows[99]"][0]);
        Assert.StartsWith($"第 2 行：流水号 {rows[0].Value.LineId} 回盘金额 1.00 元与名单金额", bad.Errors["rows[2]"][0]);
        Assert.Equal($"第 100 行：流水号 {rows[1].Value.LineId} 在回盘文件中重复出现", bad.Errors["rows[100]"][0]);
        Assert.False(await district.Db.PaymentLines.AnyAsync(l => l.PaymentListId == listId && l.Status != PaymentLineStatus.Pending));

        var csv = rows.Select(r => $"{r.Value.LineId},{r.Value.Amount.Plain()},{(r.Value.Paid ? "成功" : "失败")},{r.Value.Reason},张三").ToList();
        var preview = await ImportAsync(district, false, [.. csv, $"{rows[0].Value.LineId},{rows[0].Value.Amount.Plain()},成功,,重复"]);
        var errors = string.Join(";", preview.Errors.Select(e => $"{e.Row}/{e.Column}/{e.Reason}"));
        Assert.True(preview.Errors.Count == 1 && preview.Errors[0].Row == rows.Count + 2 && preview.Errors[0].Column == "流水号", $"{rows.Count}: {errors}");
        var imported = await ImportAsync(district, true, csv);
        Assert.True(imported.Committed, string.Join(";", imported.Errors.Select(e => e.Reason)));
        Assert.Equal(lines.Count, imported.Updated);
        Assert.Equal(1, await district.Db.PaymentLines.CountAsync(l => l.PaymentListId == listId && l.Status == PaymentLineStatus.Failed));
        Assert.Equal("户名与账号不符", (await district.Db.PaymentLines.AsNoTracking().SingleAsync(l => l.Id == failed.Id)).FailureReason);
        var again = await handler.HandleAsync(new(listId, rows[..1]), default);
        Assert.Equal($"第 2 行：流水号 {rows[0].Value.LineId} 已对账（已发放），不能再次回盘", again.Errors["rows[2]"][0]);
        Assert.Equal(OutcomeKind.Ok, (await district.Get<ActOnPaymentListHandler>().HandleAsync(new(listId, PaymentListAction.Close), default)).Kind);

        var failures = await district.Get<ListPaymentFailuresHandler>().HandleAsync(new(), default);
        Assert.Equal(failed.Id, Assert.Single(failures).Id);
        Assert.Equal("6222 **** **** 3445", failures[0].AccountMasked);
        Assert.Equal(OutcomeKind.Ok, (await district.Get<FixPaymentFailureHandler>().HandleAsync(new(failed.Id, "已更正账号"), default)).Kind);
    }

    private static async Task<ImportReport> ImportAsync(HarnessScope scope, bool commit, IEnumerable<string> rows) =>
        (await scope.Get<RunImportHandler>().HandleAsync(new RunImport(ImportKind.BankReturns,
            ImportFiles.Csv(ImportFiles.Lines(["流水号,金额（元）,结果,失败原因,户名", .. rows])), commit, "return.csv"), null, default)).Value!;

    /// <summary>The street with the most registered residents aged 80 by the end of September, and one of them.</summary>
    private static async Task<(string Street, int Resident)> StreetAsync(AppHarness app)
    {
        await using var scope = app.Scope(new SystemJurisdiction("tests"));
        var born = new DateOnly(2026, 9, 30).AddYears(-80);
        var old = await scope.Db.Residents.AsNoTracking()
            .Where(r => r.DepartedOn == null && r.ResidenceType == ResidenceType.Registered && r.BirthDate <= born)
            .Select(r => new { r.Id, r.GridCode }).ToListAsync();
        var street = old.GroupBy(r => r.GridCode[..9]).OrderByDescending(g => g.Count()).First();
        return (street.Key, street.OrderBy(r => r.Id).First().Id);
    }

    /// <summary>The oracle: the rate of each registered resident of the street who is 80 or older on a month's eve.</summary>
    private static async Task<List<long>> ExpectedAsync(AppHarness app, string street, DateOnly eve)
    {
        await using var scope = app.Scope(new SystemJurisdiction("tests"));
        var people = await scope.Db.Residents.AsNoTracking()
            .Where(r => r.DepartedOn == null && r.ResidenceType == ResidenceType.Registered && r.GridCode.StartsWith(street))
            .Select(r => r.BirthDate).ToListAsync();
        return people.Where(b => Age.On(b, eve) >= 80)
            .Select(b => Age.On(b, eve) switch { >= 100 => 50000L, >= 90 => 20000L, _ => 10000L }).ToList();
    }
}
