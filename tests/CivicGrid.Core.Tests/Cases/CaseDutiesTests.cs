using CivicGrid.Core.Cases;

namespace CivicGrid.Core.Tests.Cases;

/// <summary>Separation of duties and the order of the loop: who may verify, and what must be done before resolving.</summary>
public class CaseDutiesTests
{
    private static readonly DateTime Start = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    private static (Case Case, CaseRules Rules) Handled(string itemCode = "0101")
    {
        var item = DeliberationList.Items().Single(i => i.Code == itemCode);
        var c = new Case { Id = 1, ItemCode = item.Code, GridCode = "330105001001001", Description = "测试诉求" };
        var rules = new CaseRules(item, WorkingCalendar.WeekdaysOnly, Start);
        c.Receive(rules, "居民");
        Assert.Null(c.Apply(new CaseCommand(CaseAction.Accept, "社区工作者 李", "受理"), rules));
        Assert.Null(c.Apply(new CaseCommand(CaseAction.Handle, "社区工作者 李", "自办"), rules));
        return (c, rules);
    }

    [Fact]
    public void WhoeverResolvedACaseMayNotVerifyItButAnotherMay()
    {
        var (c, rules) = Handled();
        Assert.Null(c.Apply(new CaseCommand(CaseAction.Resolve, "社区工作者 李", "已调解"), rules));

        var own = c.Apply(new CaseCommand(CaseAction.Verify, "社区工作者 李", "核查"), rules);
        var ownRework = c.Apply(new CaseCommand(CaseAction.FailVerification, "社区工作者 李", "返工"), rules);

        Assert.Equal("办结人不能核查自己办结的诉求，请由其他人员核查", own);
        Assert.Equal(own, ownRework);
        Assert.DoesNotContain(CaseAction.Verify, c.AvailableActions("社区工作者 李", rules));
        Assert.Contains(CaseAction.Verify, c.AvailableActions("网格员 王", rules));
        Assert.Null(c.Apply(new CaseCommand(CaseAction.Verify, "网格员 王", "现场核查属实"), rules));
    }

    [Fact]
    public void AfterReworkTheNewResolverIsTheOneWhoMayNotVerify()
    {
        var (c, rules) = Handled();
        Assert.Null(c.Apply(new CaseCommand(CaseAction.Resolve, "社区工作者 李", "已调解"), rules));
        Assert.Null(c.Apply(new CaseCommand(CaseAction.FailVerification, "网格员 王", "未解决"), rules));
        Assert.Null(c.Apply(new CaseCommand(CaseAction.Resolve, "网格员 王", "再次调解"), rules));

        Assert.NotNull(c.Apply(new CaseCommand(CaseAction.Verify, "网格员 王", "核查"), rules));
        Assert.Null(c.Apply(new CaseCommand(CaseAction.Verify, "社区工作者 李", "核查"), rules));
    }

    [Fact]
    public void ACaseIsNotResolvedWhileItsPlanHasOpenTasks()
    {
        var (c, rules) = Handled();
        var withTask = rules with { OpenPlanTasks = 1 };

        var refusal = c.Apply(new CaseCommand(CaseAction.Resolve, "社区工作者 李", "已办"), withTask);

        Assert.Equal("议事方案还有 1 项任务未完成，完成后才能办结", refusal);
        Assert.Equal(CaseStatus.Handling, c.Status);
        Assert.DoesNotContain(CaseAction.Resolve, c.AvailableActions("社区工作者 李", withTask));
        Assert.Null(c.Apply(new CaseCommand(CaseAction.Resolve, "社区工作者 李", "已办"), rules));
    }

    [Fact]
    public void DeliberationIsOfferedOnlyForItemsOnTheDeliberationList()
    {
        var item = DeliberationList.Items().Single(i => i.Code == "0203");
        var c = new Case { Id = 1, ItemCode = item.Code, GridCode = "330105001001001", Description = "楼道充电" };
        var rules = new CaseRules(item, WorkingCalendar.WeekdaysOnly, Start);
        c.Receive(rules, "居民");
        Assert.Null(c.Apply(new CaseCommand(CaseAction.Accept, "网格员 王", "受理"), rules));
        var (deliberable, deliberableRules) = Handled("0101");

        Assert.DoesNotContain(CaseAction.PutOnAgenda, c.AvailableActions("网格员 王", rules));
        Assert.Contains(CaseAction.PutOnAgenda, deliberable.AvailableActions("网格员 王", deliberableRules));
    }

    [Fact]
    public void ADeliberationDayIsNotHeldBeforeItsDate()
    {
        var day = new DeliberationDay { HostCode = "330105001001", Title = "停车议事会", Date = new DateOnly(2026, 12, 10) };

        var early = day.MarkHeld(new DateTime(2026, 12, 5, 2, 0, 0, DateTimeKind.Utc));
        // 00:30 on the 10th in China is still the 9th in UTC.
        var onTheDay = day.MarkHeld(new DateTime(2026, 12, 9, 16, 30, 0, DateTimeKind.Utc));

        Assert.Equal("议事日定于 2026-12-10，当天或之后才能标记为已召开", early);
        Assert.Null(onTheDay);
        Assert.Equal(new DateTime(2026, 12, 9, 16, 30, 0, DateTimeKind.Utc), day.HeldAt);
    }
}
