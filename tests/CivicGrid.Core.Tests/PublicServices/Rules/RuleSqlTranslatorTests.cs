using CivicGrid.Core.PublicServices.Rules;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CivicGrid.Core.Tests.PublicServices.Rules;

public class RuleSqlTranslatorTests
{
    private static readonly RuleContext Context = new(new DateOnly(2026, 11, 23), RuleGenerators.TagIds);

    [Fact]
    public void AgesBecomeDateParameters()
    {
        var sql = Translate("age >= 80 and gender = '女'", SqlDialect.Postgres);

        Assert.Equal("""(r."BirthDate" <= @r0 AND r."Gender" = @r1)""", sql.WhereSql);
        Assert.Equal([("@r0", (object)new DateOnly(1946, 11, 23)), ("@r1", 0)], sql.Parameters);
    }

    [Fact]
    public void ThePrefixNamesTheParameters()
    {
        var rule = RuleParser.Parse("age = 6", Context).Rule!;

        var sql = RuleSqlTranslator.Translate(rule, Context, SqlDialect.Sqlite, "rule7_");

        Assert.Equal("""r."BirthDate" BETWEEN @rule7_0 AND @rule7_1""", sql.WhereSql);
        Assert.Throws<ArgumentException>(() => RuleSqlTranslator.Translate(rule, Context, SqlDialect.Sqlite, "x; DROP"));
    }

    [Fact]
    public void ARuleThatCanNeverHoldIsAConstant()
    {
        Assert.Equal("FALSE", Translate("age < 0", SqlDialect.Postgres).WhereSql);
        Assert.Equal("1", Translate("age >= 0 or lives_alone", SqlDialect.Sqlite).WhereSql);
    }

    [Fact]
    public void ACraftedTagNameNeverReachesTheSqlText()
    {
        const string crafted = "x'); DROP TABLE \"Residents\"; --";
        var context = Context with { TagIds = new Dictionary<string, int>(RuleGenerators.TagIds) { [crafted] = 11 } };
        var rule = RuleParser.Parse($"has_tag({RuleFormatter.Quote(crafted)}) or household.has_tag({RuleFormatter.Quote(crafted)})", context).Rule!;

        var sql = RuleSqlTranslator.Translate(rule, context, SqlDialect.Postgres);

        Assert.DoesNotContain("DROP", sql.WhereSql, StringComparison.Ordinal);
        Assert.DoesNotContain("'", sql.WhereSql, StringComparison.Ordinal);
        Assert.All(sql.Parameters, p => Assert.Equal(11, p.Value));
    }

    [Property(MaxTest = 300)]
    public Property NoValueOfARuleIsEverWrittenIntoTheSql() =>
        Prop.ForAll(RuleGenerators.Rule(RuleGenerators.TagIds).ToArbitrary(), rule =>
        {
            var sql = RuleSqlTranslator.Translate(rule, Context, SqlDialect.Sqlite).WhereSql;
            return !sql.Contains('\'', StringComparison.Ordinal) && !sql.Contains("3301", StringComparison.Ordinal);
        });

    private static RuleSql Translate(string text, SqlDialect dialect) =>
        RuleSqlTranslator.Translate(RuleParser.Parse(text, Context).Rule!, Context, dialect);
}
