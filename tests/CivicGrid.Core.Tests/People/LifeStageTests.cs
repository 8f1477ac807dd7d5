using CivicGrid.Core.People;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CivicGrid.Core.Tests.People;

public class LifeStageTests
{
    [Theory]
    [InlineData(0, LifeStage.Infant)]
    [InlineData(2, LifeStage.Infant)]
    [InlineData(3, LifeStage.Preschool)]
    [InlineData(6, LifeStage.SchoolAge)]
    [InlineData(17, LifeStage.SchoolAge)]
    [InlineData(18, LifeStage.Youth)]
    [InlineData(35, LifeStage.MiddleAge)]
    [InlineData(59, LifeStage.MiddleAge)]
    [InlineData(60, LifeStage.Elderly)]
    [InlineData(79, LifeStage.Elderly)]
    [InlineData(80, LifeStage.Oldest)]
    [InlineData(104, LifeStage.Oldest)]
    public void StagesFollowTheReportsAgeBands(int age, LifeStage stage) => Assert.Equal(stage, LifeStages.ForAge(age));

    [Fact]
    public void AgeCountsCompletedYears()
    {
        var birth = new DateOnly(1946, 11, 24);
        Assert.Equal(79, Age.On(birth, new DateOnly(2026, 11, 23)));
        Assert.Equal(80, Age.On(birth, new DateOnly(2026, 11, 24)));
    }

    [Fact]
    public void ALeapDayBabyAgesOnTheFirstOfMarch()
    {
        var birth = new DateOnly(2004, 2, 29);
        Assert.Equal(21, Age.On(birth, new DateOnly(2026, 2, 28)));
        Assert.Equal(22, Age.On(birth, new DateOnly(2026, 3, 1)));
    }

    [Property(MaxTest = 1000)]
    public Property BirthRangeAgreesWithTheStageOfEveryBirthDate(int days)
    {
        var today = new DateOnly(2026, 11, 23);
        var birth = today.AddDays(-Math.Abs(days % 40000));
        var stage = LifeStages.At(birth, today);
        var (after, onOrBefore) = LifeStages.BirthRange(stage, today);
        return (birth > after && birth <= onOrBefore).ToProperty();
    }
}
