using CivicGrid.Core.PublicServices.Rules;

namespace CivicGrid.Core.Tests.PublicServices.Rules;

public class RuleParserTests
{
    private static readonly Dictionary<string, int> TagIds = new(RuleGenerators.TagIds) { ["远标签"] = 65 };

    public static TheoryData<string, int, int, string> BadRules => new()
    {
        { "agee >= 80", 0, 4, "未知字段“agee”" },
        { "gender = '男性'", 9, 4, "“性别”只能是 '男' 或 '女'" },
        { "residence in ('户籍', '本地')", 20, 4, "“居住类型”只能是 '户籍'、'常住' 或 '流动'" },
        { "age 80", 4, 2, "此处应为比较运算符" },
        { "age", 3, 0, "此处应为比较运算符" },
        { "age >= '80'", 7, 4, "“年龄”应与整数比较" },
        { "age >= ", 7, 0, "此处应为值：整数、'文字'、true 或 false" },
        { "gender > '男'", 7, 1, "“性别”只能用 =、!=、in 或 not in 比较" },
        { "grid < '330105001001001'", 5, 1, "“网格”只能用 =、!=、in 或 not in 比较" },
        { "street not in ('330105001', 3)", 28, 1, "“街道”编码应为 9 位数字，写在单引号中" },
        { "age_on('2027-02-30') >= 6", 7, 12, "日期“2027-02-30”无效，应写作 'yyyy-MM-dd'" },
        { "age_on(2027) >= 6", 7, 4, "此处应为日期，如 '2027-09-01'" },
        { "has_tag('不存在')", 8, 5, "未知标签“不存在”" },
        { "has_tag('远标签')", 8, 5, "标签“远标签”的编号为 65，规则只能使用编号 1 至 64 的标签" },
        { "has_tag(独居)", 8, 2, "此处应为标签名，如 '独居'" },
        { "grid = '3301'", 7, 6, "“网格”编码应为 15 位数字，写在单引号中" },
        { "community = 330105", 12, 6, "“社区”编码应为 12 位数字，写在单引号中" },
        { "street in ('33010500a')", 11, 11, "“街道”编码应为 9 位数字，写在单引号中" },
        { "lives_alone = 1", 14, 1, "“一人户”只能单独使用，或用 = 、!= 与 true、false 比较" },
        { "lives_alone in (true)", 12, 2, "“一人户”只能单独使用，或用 = 、!= 与 true、false 比较" },
        { "age >= 80 and", 13, 0, "规则不完整，此处应为条件" },
        { "and age > 1", 0, 3, "此处应为条件" },
        { "(age >= 80", 10, 0, "此处应为“)”" },
        { "age >= 80)", 9, 1, "此处应为 and、or 或规则结束" },
        { "age >= 80 age < 90", 10, 3, "此处应为 and、or 或规则结束" },
        { "gender in ('男' '女')", 15, 3, "此处应为“,”或“)”" },
        { "gender in '男'", 10, 3, "此处应为“(”" },
        { "age >= 80 # 1", 10, 1, "无法识别的字符“#”" },
        { "has_tag('独居", 8, 3, "字符串缺少结尾的单引号" },
        { "age >= 99999999999", 7, 11, "整数“99999999999”超出范围" },
        { "foo('x')", 0, 3, "未知函数“foo”" },
        { "", 0, 0, "规则为空，请至少写一个条件" },
        { "   ", 3, 0, "规则为空，请至少写一个条件" },
        { "年龄 >= 80", 0, 2, "未知字段“年龄”" },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public void ABadRuleIsRefusedWithTheSpanAndAChineseMessage(string source, int start, int length, string message)
    {
        var result = RuleParser.Parse(source, TagIds);

        Assert.False(result.Succeeded);
        Assert.Equal(new RuleError(start, length, message), result.Errors[0]);
    }

    [Fact]
    public void CheckingErrorsAreAllReportedAndASyntaxErrorEndsTheList()
    {
        var result = RuleParser.Parse("agee >= 1 and gender = 'x' or has_tag('无') and (", TagIds);

        Assert.Equal(
            [new RuleError(0, 4, "未知字段“agee”"), new RuleError(23, 3, "“性别”只能是 '男' 或 '女'"),
             new RuleError(38, 3, "未知标签“无”"), new RuleError(48, 0, "规则不完整，此处应为条件")],
            result.Errors);
    }

    [Theory]
    [InlineData("age >= 80")]
    [InlineData("AGE >= 80 AND NOT lives_alone")]
    [InlineData("age >= 80 且 非 has_tag('独居') 或 gender = '女'")]
    [InlineData("（age < 3 或 age > 60）且 household.has_tag('双职工')")]
    [InlineData("age_on('2027-09-01') >= 6 and age_on('2027-09-01') < 7")]
    [InlineData("residence = '流动' and months_resident > 6")]
    [InlineData("relation not in ('户主', '配偶') and life_stage in ('老年', '高龄')")]
    [InlineData("community = '330105001001' or street != '330105002' or grid in ('330105001001001')")]
    [InlineData("household.size >= 3 and household.youngest_age < 3 and household.oldest_age >= 60")]
    [InlineData("lives_alone = false and lives_alone != false")]
    [InlineData("has_tag('末位')")]
    public void WellFormedRulesAreAccepted(string source)
    {
        var result = RuleParser.Parse(source, TagIds);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    [Fact]
    public void EveryRuleOfTheStandardCatalogueIsCanonical()
    {
        foreach (var entry in Core.PublicServices.Catalogue.StandardCatalogue.Entries)
        {
            var result = RuleParser.Parse(entry.Rule, TagIds);
            Assert.True(result.Succeeded, $"{entry.Code}: {string.Join("; ", result.Errors)}");
            Assert.Equal(entry.Rule, result.Rule.Text);
        }
    }

    [Fact]
    public void AQuoteInsideAStringIsWrittenTwice()
    {
        var tags = new Dictionary<string, int> { ["O'Neil"] = 1 };

        var rule = RuleParser.Parse("has_tag('O''Neil')", tags).Rule!;

        Assert.Equal(new TagCondition("O'Neil", false), rule.Root);
        Assert.Equal("has_tag('O''Neil')", rule.Text);
    }

    [Fact]
    public void DeepNestingIsRefusedRatherThanOverflowingTheStack()
    {
        var source = new string('(', 10_000) + "age > 1" + new string(')', 10_000);

        var result = RuleParser.Parse(source, TagIds);

        Assert.Equal("规则嵌套过深", result.Errors.Single().Message);
    }
}
