using CivicGrid.Core.Demo.Enterprises;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Alignment;
using CivicGrid.Core.Enterprises.Challenges;
using CivicGrid.Core.Territory;

namespace CivicGrid.Core.Tests.Demo;

public class DemoChallengesAndAlignmentTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    private static List<Enterprise> Firms(int count, int differingEvery) => Enumerable.Range(1, count).Select(i => new Enterprise
    {
        Id = i, Name = $"企业{i}", CreditCode = $"C{i}", GridCode = "330105001001001", Industry = "信息技术",
        OfficeAddress = $"湖墅南路{i}号", RegisteredAddress = i % differingEvery == 0 ? $"莫干山路{i}号" : $"湖墅南路{i}号",
    }).ToList();

    [Fact]
    public void AtDistrictScaleTheReportsAlignedFirmsAreThereAndDifferingFirmsAreInEveryOpenState()
    {
        var rows = DemoAlignment.For(Firms(30_000, 12), new Random(1), Now, 1, 1);

        Assert.Equal(DemoAlignment.AlignedInDistrict, rows.FollowUps.Count(f => f.Status == AlignmentStatus.Aligned));
        Assert.Equal([AlignmentStatus.Contacted, AlignmentStatus.Aligning, AlignmentStatus.Aligned, AlignmentStatus.CannotAlign],
            rows.FollowUps.Select(f => f.Status).Distinct().Order());
        Assert.All(rows.FollowUps.Where(f => f.Status == AlignmentStatus.CannotAlign), f => Assert.False(string.IsNullOrEmpty(f.Reason)));
        Assert.Equal(rows.FollowUps.Sum(f => f.Version), rows.Steps.Count);
        Assert.Equal(rows.FollowUps.Count, rows.FollowUps.Select(f => f.EnterpriseId).Distinct().Count());
        Assert.All(rows.FollowUps, f => Assert.True(f.UpdatedAt <= Now));
    }

    [Fact]
    public void ChallengesComeInEveryStateEachWithItsTimeline()
    {
        var communities = Enumerable.Range(1, 30).Select(i => new BusinessCommunity { Id = i, Name = $"商务社区{i}", StreetCode = "330105001" }).ToList();
        var firms = Firms(300, 10).Select(f => (f, f.Id % 30 + 1)).ToList();

        var rows = DemoChallenges.For(communities, firms, new Random(2), Now, 1, 1);

        Assert.Equal(60, rows.Challenges.Count);
        Assert.Equal(Enum.GetValues<ChallengeStatus>(), rows.Challenges.Select(c => c.Status).Distinct().Order());
        Assert.All(rows.Challenges, c => Assert.Equal(c.Version + 1, rows.Timeline.Count(e => e.ChallengeId == c.Id)));
        Assert.Contains(rows.Challenges, c => c.SolverKind == SolverKind.Enterprise && c.SolverEnterpriseId is not null);
        Assert.Contains(rows.Challenges, c => c.EnterpriseId is not null);
        Assert.All(rows.Timeline, e => Assert.True(e.At <= Now));
    }
}
