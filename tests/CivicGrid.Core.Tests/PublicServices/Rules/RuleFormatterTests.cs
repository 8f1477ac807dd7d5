using CivicGrid.Core.PublicServices.Rules;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CivicGrid.Core.Tests.PublicServices.Rules;

public class RuleFormatterTests
{
    [Theory]
    [InlineData("AGE>=80 AND(gender='女' OR residence in('户籍','常住'))", "age >= 80 and (gender = '女' or residence in ('户籍', '常住'))")]
    [InlineData("age >= 80 且 非 has_tag('独居') 或 gender = '女'", "(age >= 80 and not has_tag('独居')) or gender = '女'")]
    [InlineData("NOT NOT lives_alone", "not not lives_alone")]
    [InlineData("lives_alone != true", "lives_alone = false")]
    [InlineData("(age > 1 and age < 9) and has_tag('残疾')", "(age > 1 and age < 9) and has_tag('残疾')")]
    [InlineData("age_on( '2027-09-01' ) not in (6,7)", "age_on('2027-09-01') not in (6, 7)")]
    [InlineData("Household.Has_Tag('双职工') or (household.size > -1)", "household.has_tag('双职工') or household.size > -1")]
    public void RulesPrintInCanonicalForm(string source, string? canonical)
    {
        var result = RuleParser.Parse(source, RuleGenerators.TagIds);
        if (canonical is null)
        {
            Assert.False(result.Succeeded);
            return;
        }
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(canonical, result.Rule.Text);
    }

    [Property(MaxTest = 500)]
    public Property PrintingThenParsingGivesTheSameTree() =>
        Prop.ForAll(RuleGenerators.Rule(RuleGenerators.TagIds).ToArbitrary(), rule =>
        {
            var reparsed = RuleParser.Parse(rule.Text, RuleGenerators.TagIds);
            return reparsed.Succeeded && RuleTrees.Same(rule.Root, reparsed.Rule.Root);
        });

    [Fact]
    public void TheCatalogueListsEveryFieldOnceWithItsLabel()
    {
        Assert.Equal(Enum.GetValues<FieldKey>(), RuleFields.All.Select(f => f.Key));
        Assert.Equal(["男", "女"], RuleFields.Get(FieldKey.Gender).Values);
        Assert.Equal(["婴幼儿", "学龄前", "学龄", "青年", "中年", "老年", "高龄"], RuleFields.Get(FieldKey.LifeStage).Values);
        Assert.Equal(15, RuleFields.Get(FieldKey.Grid).CodeLength);
        Assert.All(RuleFields.All, f => Assert.False(string.IsNullOrWhiteSpace(f.Label)));
    }
}
