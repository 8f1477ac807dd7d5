using CivicGrid.Core.Demo.Projects;
using CivicGrid.Core.Projects;
using CivicGrid.Core.Territory;
using static CivicGrid.Core.Tests.Projects.ProjectWorld;

namespace CivicGrid.Core.Tests.Projects;

public class DemoProjectsTests
{
    [Fact]
    public void TheDistrictsDemoPortfolioHasEveryNotYetStateAndKeepsItsGatesInOrder()
    {
        TerritoryNode[] communities = [new() { Code = "330105001001", Name = "甲社区", Level = TerritoryLevel.Community }, new() { Code = "330105002001", Name = "乙社区", Level = TerritoryLevel.Community }];
        var groups = Enumerable.Range(1, 12).ToList();
        var demo = new DemoProjects(communities, groups, groups.ToDictionary(g => g, g => (IReadOnlyList<string>)[$"cadre-{g}"]), Today);

        var projects = demo.Generate(300);
        var rates = FiveRates.Sum(projects.Select(p => FiveRates.Of(p, Today)));

        Assert.Equal(300, projects.Select(p => p.Code).Distinct().Count());
        Assert.All(rates.All, t => Assert.True(t.NotYet > 0 && t.Reached > 0, $"{t}"));
        Assert.Contains(projects, p => p.Status == ProjectStatus.Suspended);
        Assert.Contains(projects, p => p.Status == ProjectStatus.Terminated);
        Assert.All(projects, p => Assert.Null(GateRules.ReachedOutOfOrder(p.Gates.Select(g => new GateDates(g.Stage, g.PlannedOn, g.ReachedOn)), Today)));
        Assert.NotEmpty(demo.Progress(projects));
    }
}
