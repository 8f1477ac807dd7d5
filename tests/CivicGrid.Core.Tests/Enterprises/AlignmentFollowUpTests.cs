using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises.Alignment;
using FsCheck.Xunit;
using static CivicGrid.Core.Tests.Enterprises.EnterpriseWorld;

namespace CivicGrid.Core.Tests.Enterprises;

public class AlignmentFollowUpTests
{
    [Fact]
    public void AFirmIsContactedAlignsAndEachStepIsRecorded()
    {
        var f = AlignmentFollowUp.Start(7, Now);
        Assert.Null(f.Apply(AlignmentAction.Contact, "王助跑", "电话联系财务负责人", Now.AddDays(1)));
        Assert.Null(f.Apply(AlignmentAction.StartAligning, "王助跑", null, Now.AddDays(3)));
        Assert.Null(f.Apply(AlignmentAction.ConfirmAligned, "李专员", "已迁入", Now.AddDays(20)));
        Assert.Equal((AlignmentStatus.Aligned, Now.AddDays(20), 3), (f.Status, f.AlignedAt, f.Version));
        Assert.Equal(
            [(AlignmentStatus.ToContact, AlignmentStatus.Contacted, "王助跑"), (AlignmentStatus.Contacted, AlignmentStatus.Aligning, "王助跑"),
                (AlignmentStatus.Aligning, AlignmentStatus.Aligned, "李专员")],
            f.Steps.Select(s => (s.From, s.To, s.Actor)));
        Assert.Empty(f.AvailableActions());
    }

    [Fact]
    public void GivingUpNeedsAReasonAndReopeningClearsIt()
    {
        var f = AlignmentFollowUp.Start(7, Now);
        Assert.Equal("请先联系企业", f.Apply(AlignmentAction.ConfirmAligned, "王", null, Now));
        Assert.Equal("请填写无法一致的原因", f.Apply(AlignmentAction.GiveUp, "王", " ", Now));
        Assert.Null(f.Apply(AlignmentAction.GiveUp, "王", "生产基地在外区，注册地不变", Now));
        Assert.Equal((AlignmentStatus.CannotAlign, "生产基地在外区，注册地不变"), (f.Status, f.Reason));
        Assert.Null(f.Apply(AlignmentAction.Reopen, "李", "企业表示可以迁入", Now));
        Assert.Equal((AlignmentStatus.Contacted, null), (f.Status, f.Reason));
    }

    [Fact]
    public void RunnersAndListKeepersFollowUpContactsDoNot()
    {
        Assert.True(StaffRole.Runner.MayFollowUp());
        Assert.True(StaffRole.BusinessCommunityStaff.MayFollowUp());
        Assert.False(StaffRole.EnterpriseContact.MayFollowUp());
        Assert.False(StaffRole.GridWorker.MayFollowUp());
    }

    [Property(MaxTest = 300)]
    public void RefusedStepsChangeNothingAndAlignedIsFinal(int[] script)
    {
        var actions = Enum.GetValues<AlignmentAction>();
        var f = AlignmentFollowUp.Start(1, Now);
        foreach (var step in script)
        {
            var bits = (uint)step;
            var action = actions[bits % (uint)actions.Length];
            var before = (f.Status, f.Version, f.Steps.Count, f.Reason);
            var refusal = f.Apply(action, "王", (bits & 0x10) == 0 ? "说明" : null, Now);
            if (refusal is null)
            {
                Assert.Equal(AlignmentStateMachine.Target(before.Status, action), f.Status);
                Assert.Equal(before.Count + 1, f.Steps.Count);
            }
            else
            {
                Assert.Equal(before, (f.Status, f.Version, f.Steps.Count, f.Reason));
            }
            Assert.True(before.Status != AlignmentStatus.Aligned || f.Status == AlignmentStatus.Aligned);
            Assert.Equal(f.Status == AlignmentStatus.CannotAlign, f.Reason is not null);
        }
    }
}
