using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Challenges;
using FsCheck.Xunit;
using static CivicGrid.Core.Tests.Enterprises.EnterpriseWorld;

namespace CivicGrid.Core.Tests.Enterprises;

public class ChallengeTests
{
    private static Challenge Published(DateTime? claimBy = null)
    {
        var (challenge, refusal) = Challenge.Publish(
            new ChallengeRequest("AI企业招聘难", "为楼宇内人工智能企业对接高校毕业生", "年度优秀共建单位") { ClaimByUtc = claimBy }, "商务社区", Now);
        Assert.Null(refusal);
        return challenge!;
    }

    private static ChallengeCommand Claim(string actor = "高校就业中心") =>
        new(ChallengeAction.Claim, actor) { SolverName = "某高校就业指导中心", SolverKind = SolverKind.Partner };

    [Fact]
    public void AChallengeIsClaimedDeliveredAndEvaluated()
    {
        var c = Published();
        Assert.Null(c.Apply(Claim(), Now));
        Assert.Null(c.Apply(new ChallengeCommand(ChallengeAction.Deliver, "高校就业中心", "举办专场招聘会两场"), Now));
        Assert.Null(c.Apply(new ChallengeCommand(ChallengeAction.Evaluate, "商务社区", "效果好") { Score = 5 }, Now));
        Assert.Equal((ChallengeStatus.Evaluated, 5, "某高校就业指导中心"), (c.Status, c.Score, c.SolverName));
    }

    [Theory]
    [InlineData("", "x", "荣誉", "请填写榜单名称")]
    [InlineData("题", "", "荣誉", "请描述要解决的问题")]
    [InlineData("题", "x", null, "请填写悬赏金额或荣誉激励")]
    public void ABadChallengeIsNotPublished(string title, string description, string? reward, string reason) =>
        Assert.Equal(reason, Challenge.Publish(new ChallengeRequest(title, description, reward), "商务社区", Now).Refusal);

    [Fact]
    public void TheGuardsKeepPublisherAndSolverApart()
    {
        var c = Published(claimBy: Now.AddDays(7));
        Assert.Equal("发榜方不能揭自己的榜", c.Apply(Claim("商务社区"), Now));
        Assert.Equal("已过揭榜截止时间", c.Apply(Claim(), Now.AddDays(8)));
        Assert.Equal("揭榜方提交成果后才能验收评价", c.Apply(new ChallengeCommand(ChallengeAction.Evaluate, "商务社区") { Score = 4 }, Now));
        Assert.Null(c.Apply(Claim(), Now));
        Assert.Equal("该榜单已被揭榜", c.Apply(Claim("另一家企业"), Now));
        Assert.Equal("只有揭榜方可以提交成果", c.Apply(new ChallengeCommand(ChallengeAction.Deliver, "另一家企业", "成果"), Now));
        Assert.Null(c.Apply(new ChallengeCommand(ChallengeAction.Deliver, "高校就业中心", "成果"), Now));
        Assert.Equal("揭榜方不能验收自己的成果", c.Apply(new ChallengeCommand(ChallengeAction.Evaluate, "高校就业中心") { Score = 5 }, Now));
        Assert.Equal("评分应为 1 到 5 分", c.Apply(new ChallengeCommand(ChallengeAction.Evaluate, "商务社区") { Score = 6 }, Now));
        Assert.Equal(ChallengeStatus.Delivered, c.Status);
    }

    [Property(MaxTest = 300)]
    public void IllegalMovesAreRefusedAndChangeNothing(int[] script)
    {
        var actions = Enum.GetValues<ChallengeAction>().Where(a => a != ChallengeAction.Publish).ToArray();
        string[] actors = ["商务社区", "高校就业中心", "志愿团队"];
        var c = Published();
        foreach (var step in script)
        {
            var bits = (uint)step;
            var command = new ChallengeCommand(actions[bits % (uint)actions.Length], actors[(bits >> 4) % 3], (bits & 0x100) == 0 ? "说明" : null)
            {
                SolverName = "揭榜方", SolverKind = SolverKind.VolunteerTeam, Score = (int)(bits >> 9) % 7,
            };
            var before = (c.Status, c.Version, c.ClaimedBy);
            var refusal = c.Apply(command, Now);
            if (ChallengeStateMachine.Target(before.Status, command.Action) is null)
            {
                Assert.NotNull(refusal);
            }
            if (refusal is null)
            {
                Assert.Equal(ChallengeStateMachine.Target(before.Status, command.Action), c.Status);
            }
            else
            {
                Assert.Equal(before, (c.Status, c.Version, c.ClaimedBy));
            }
            // Nobody evaluates work they delivered themselves.
            Assert.True(c.Status != ChallengeStatus.Evaluated || c.EvaluatedBy != c.ClaimedBy);
        }
    }

    [Fact]
    public void ARewardAmountMustBePositive() =>
        Assert.Equal("悬赏金额应大于零", Challenge.Publish(new ChallengeRequest("题", "x", null) { RewardAmount = Money.Zero }, "商务社区", Now).Refusal);
}

public class ChallengePermissionTests
{
    private static Challenge ByEnterprise(int enterprise)
    {
        var (c, _) = Challenge.Publish(new ChallengeRequest("题", "问题", "荣誉") { EnterpriseId = enterprise }, "甲公司", EnterpriseWorld.Now);
        return c!;
    }

    [Fact]
    public void AContactClaimsOthersChallengesAndEvaluatesOnlyItsOwn()
    {
        var c = ByEnterprise(1);
        Assert.False(ChallengePermissions.May(c, StaffRole.EnterpriseContact, 1, ChallengeAction.Claim));
        Assert.True(ChallengePermissions.May(c, StaffRole.EnterpriseContact, 2, ChallengeAction.Claim));
        Assert.True(ChallengePermissions.May(c, StaffRole.EnterpriseContact, 1, ChallengeAction.Withdraw));
        Assert.False(ChallengePermissions.May(c, StaffRole.EnterpriseContact, 2, ChallengeAction.Withdraw));
        Assert.False(ChallengePermissions.May(c, StaffRole.Runner, null, ChallengeAction.Claim));
        Assert.Null(c.Apply(new ChallengeCommand(ChallengeAction.Claim, "乙公司") { SolverName = "乙公司", SolverKind = SolverKind.Enterprise, SolverEnterpriseId = 2 }, EnterpriseWorld.Now));
        Assert.Equal([ChallengeAction.Abandon, ChallengeAction.Deliver], ChallengePermissions.Allowed(c, StaffRole.EnterpriseContact, 2).Order());
        Assert.Equal([ChallengeAction.Withdraw], ChallengePermissions.Allowed(c, StaffRole.EnterpriseContact, 1));
        // Staff record the work only of solvers without accounts.
        Assert.Equal([ChallengeAction.Withdraw], ChallengePermissions.Allowed(c, StaffRole.BusinessCommunityStaff, null));
        Assert.NotNull(ChallengePermissions.ClaimRefusal(StaffRole.BusinessCommunityStaff, SolverKind.Enterprise));
        Assert.Null(ChallengePermissions.ClaimRefusal(StaffRole.BusinessCommunityStaff, SolverKind.VolunteerTeam));
    }
}
