using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Projects;
using static CivicGrid.Core.Tests.Projects.ProjectWorld;

namespace CivicGrid.Core.Tests.Projects;

public class ProjectProgressTests
{
    private static readonly DateOnly November = new(2026, 11, 1);

    private static ProgressVerdict? Verdict(ProgressRequest request, Money cumulative, Money thisMonth, Money? yearPlan = null) =>
        ProjectProgress.Record(request, Registered(), new ProgressSoFar(cumulative, thisMonth), yearPlan, "专员", Today, Now).Verdict;

    [Fact]
    public void APlausibleMonthIsRecorded()
    {
        var (progress, verdict) = ProjectProgress.Record(new ProgressRequest(0, November, Money.TenThousandYuan(2_000)) { Note = "主体结构施工" },
            Registered(), new ProgressSoFar(Money.TenThousandYuan(10_000), Money.Zero), Money.TenThousandYuan(30_000), "专员", Today, Now);
        Assert.Null(verdict);
        Assert.Equal((November, 2_000m, "主体结构施工"), (progress!.Month, progress.InvestmentDone.InTenThousandYuan, progress.Note));
    }

    [Fact]
    public void AnImplausibleInvestmentIsAWarningToConfirmNotASilentRecord()
    {
        // Planned total 120,000 万元: a cumulative above 180,000 is implausible.
        var cumulative = Verdict(new ProgressRequest(0, November, Money.TenThousandYuan(80_001)), Money.TenThousandYuan(100_000), Money.Zero);
        Assert.True(cumulative!.NeedsConfirmation);
        Assert.StartsWith("累计完成投资 180,001 万元，超过计划总投资 120,000 万元的 1.5 倍", cumulative.Warning);
        // The 2026 plan is 30,000 万元, 2,500 a month: above 12,500 in one month is implausible.
        var month = Verdict(new ProgressRequest(0, November, Money.TenThousandYuan(5_000)), Money.Zero, Money.TenThousandYuan(8_000), Money.TenThousandYuan(30_000));
        Assert.StartsWith("本月完成投资 13,000 万元，超过 2026 年计划月均 2,500 万元的 5 倍", month!.Warning);
        Assert.Null(Verdict(new ProgressRequest(0, November, Money.TenThousandYuan(5_000)) { Confirmed = true }, Money.Zero, Money.TenThousandYuan(8_000), Money.TenThousandYuan(30_000)));
    }

    [Theory]
    [InlineData(2026, 12, 2, "月份应为某月 1 日")]
    [InlineData(2027, 1, 1, "不能填报未来月份的进度")]
    [InlineData(2025, 12, 1, "项目于 2026-01-10 签约，不能填报此前月份的进度")]
    public void AMonthOutsideTheProjectsLifeIsRefused(int year, int month, int day, string reason) =>
        Assert.Equal(reason, Verdict(new ProgressRequest(0, new DateOnly(year, month, day), Money.Zero), Money.Zero, Money.Zero)!.Refusal);
}
