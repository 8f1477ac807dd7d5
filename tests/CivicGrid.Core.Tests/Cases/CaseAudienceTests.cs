using CivicGrid.Core.Cases;

namespace CivicGrid.Core.Tests.Cases;

public class CaseAudienceTests
{
    [Fact]
    public void TheGridWorkersHearOfEveryMoveInTheirGrid()
    {
        foreach (var action in Enum.GetValues<CaseAction>())
        {
            Assert.True(CaseAudience.Of(action, CaseStatus.Accepted).HasFlag(Audience.GridWorkers), action.ToString());
        }
    }

    [Theory]
    [InlineData(CaseAction.Receive, CaseStatus.Received, Audience.GridWorkers | Audience.Owners)]
    [InlineData(CaseAction.Accept, CaseStatus.Accepted, Audience.GridWorkers | Audience.Resident)]
    [InlineData(CaseAction.Dispatch, CaseStatus.Dispatched, Audience.GridWorkers | Audience.Department | Audience.Resident)]
    [InlineData(CaseAction.Resolve, CaseStatus.Resolved, Audience.GridWorkers | Audience.Owners | Audience.Supervisors | Audience.Resident)]
    [InlineData(CaseAction.RequestExtension, CaseStatus.Handling, Audience.GridWorkers | Audience.Owners | Audience.Supervisors)]
    [InlineData(CaseAction.FailVerification, CaseStatus.Dispatched, Audience.GridWorkers | Audience.Department)]
    [InlineData(CaseAction.FailVerification, CaseStatus.Handling, Audience.GridWorkers | Audience.Owners)]
    [InlineData(CaseAction.Press, CaseStatus.Dispatched, Audience.GridWorkers | Audience.Department)]
    [InlineData(CaseAction.Close, CaseStatus.Closed, Audience.GridWorkers | Audience.Resident)]
    [InlineData(CaseAction.Handle, CaseStatus.Handling, Audience.GridWorkers)]
    public void EachMoveTellsThePeopleWhoActNextOrAskedForIt(CaseAction action, CaseStatus to, Audience expected)
    {
        Assert.Equal(expected, CaseAudience.Of(action, to));
    }
}
