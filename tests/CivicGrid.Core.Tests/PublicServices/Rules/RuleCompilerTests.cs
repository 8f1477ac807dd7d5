using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Rules;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CivicGrid.Core.Tests.PublicServices.Rules;

public class RuleCompilerTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Property(MaxTest = 1000)]
    public Property TheCompiledRuleAgreesWithTheInterpreter()
    {
        var cases =
            from today in RuleGenerators.Today
            from rule in RuleGenerators.Rule(RuleGenerators.TagIds)
            from facts in RuleGenerators.Facts(today).ListOf(40)
            select (Context: new RuleContext(today, RuleGenerators.TagIds), Rule: rule, Facts: facts);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var compiled = RuleCompiler.Compile(c.Rule, c.Context);
            var disagreeing = c.Facts.Where(f => compiled.Matches(f) != RuleInterpreter.Evaluate(c.Rule, c.Context, f)).ToList();
            return (disagreeing.Count == 0).Label($"{c.Rule.Text} on {c.Context.Today}: {string.Join(", ", disagreeing)}");
        });
    }

    [Theory]
    [InlineData("1946-11-23", true)]
    [InlineData("1946-11-24", false)]
    [InlineData("1900-01-01", true)]
    public void SomeoneTurningEightyTodayIsEighty(string birth, bool eighty) =>
        Assert.Equal(eighty, Matches("age >= 80", Today, birth));

    [Theory]
    [InlineData("2026-02-28", 21)]
    [InlineData("2026-03-01", 22)]
    [InlineData("2028-02-28", 23)]
    [InlineData("2028-02-29", 24)]
    public void ALeapDayBabyAgesOnTheFirstOfMarchOrOnTheLeapDay(string today, int age)
    {
        var date = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Matches($"age = {age}", date, "2004-02-29"));
        Assert.False(Matches($"age = {age + 1}", date, "2004-02-29"));
        Assert.False(Matches($"age = {age - 1}", date, "2004-02-29"));
        Assert.True(Matches($"age >= {age} and age <= {age} and age > {age - 1} and age < {age + 1}", date, "2004-02-29"));
    }

    [Theory]
    [InlineData("2028-02-29", "2027-02-28", 1)]
    [InlineData("2028-02-29", "2027-03-01", 0)]
    [InlineData("2028-02-29", "2024-02-29", 4)]
    [InlineData("2027-02-28", "2024-02-29", 2)]
    public void AgesCountedOnALeapDay(string today, string birth, int age) =>
        Assert.True(Matches($"age = {age}", DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), birth));

    [Theory]
    [InlineData("2027-01-31", "2027-02-28", 0)]
    [InlineData("2027-01-28", "2027-02-28", 1)]
    [InlineData("2026-05-23", "2026-11-23", 6)]
    [InlineData("2026-05-24", "2026-11-23", 5)]
    public void MonthsCountWhenTheDayOfTheMonthComesRound(string settled, string today, int months)
    {
        var date = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var facts = Facts("1990-01-01") with { SettledDay = DateOnly.Parse(settled, System.Globalization.CultureInfo.InvariantCulture).DayNumber };
        Assert.Equal(months, ResidenceMonths.Between(DateOnly.FromDayNumber(facts.SettledDay), date));
        Assert.True(Compile($"months_resident = {months}", date).Matches(facts));
    }

    [Fact]
    public void LifeStagesFollowTheBirthRanges()
    {
        Assert.True(Matches("life_stage = '高龄'", Today, "1946-11-23"));
        Assert.True(Matches("life_stage = '老年'", Today, "1946-11-24"));
        Assert.True(Matches("life_stage in ('老年', '高龄') and not life_stage = '中年'", Today, "1930-01-01"));
        Assert.True(Matches("life_stage = '婴幼儿'", Today, "2027-01-01"));
    }

    [Fact]
    public void TagsReadTheirBit()
    {
        var context = new RuleContext(Today, RuleGenerators.TagIds);
        var rule = RuleParser.Parse("has_tag('末位') and not household.has_tag('独居')", context).Rule!;
        var compiled = RuleCompiler.Compile(rule, context);

        Assert.True(compiled.Matches(Facts("1950-01-01") with { Tags = 1UL << 63, HouseholdTags = 1UL << 63 }));
        Assert.False(compiled.Matches(Facts("1950-01-01") with { Tags = 1UL << 63, HouseholdTags = (1UL << 63) | 1 }));
    }

    [Fact]
    public void ARuleCheckedAgainstOtherTagsIsNotCompiledSilently()
    {
        var rule = RuleParser.Parse("has_tag('独居')", RuleGenerators.TagIds).Rule!;

        var error = Assert.Throws<ArgumentException>(() => RuleCompiler.Compile(rule, new RuleContext(Today, new Dictionary<string, int>())));
        Assert.StartsWith("未知标签“独居”", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TerritoryCodesMatchByPrefix()
    {
        var facts = Facts("1950-01-01") with { GridCode = "330105002001002" };
        Assert.True(Compile("street = '330105002' and community != '330105002002' and grid in ('330105002001002')", Today).Matches(facts));
        Assert.False(Compile("street = '330105001'", Today).Matches(facts));
    }

    private static bool Matches(string rule, DateOnly today, string birth) => Compile(rule, today).Matches(Facts(birth));

    private static CompiledRule Compile(string rule, DateOnly today)
    {
        var context = new RuleContext(today, RuleGenerators.TagIds);
        var parsed = RuleParser.Parse(rule, context);
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));
        return RuleCompiler.Compile(parsed.Rule, context);
    }

    private static ResidentFacts Facts(string birth)
    {
        var day = DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture).DayNumber;
        return new ResidentFacts(1, day, Gender.Female, ResidenceType.Registered, HouseholdRelation.Head, day,
            "330105001001001", 0, 0, 1, day, day);
    }
}
