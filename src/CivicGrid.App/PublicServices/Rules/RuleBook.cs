using CivicGrid.App.Data;
using CivicGrid.Core.PublicServices.Rules;

namespace CivicGrid.App.PublicServices.Rules;

/// <summary>A rule text checked against today's tags: the checked rule and its canonical text, or the errors.</summary>
public sealed record RuleCheck(CheckedRule? Rule, string? Canonical, IReadOnlyList<RuleError> Errors);

/// <summary>
/// The rule language as the use cases need it: checked against the tags in this database and the district's today,
/// translated to SQL for this engine, compiled to a predicate for residents held in memory.
/// </summary>
public sealed class RuleBook(CivicGridDbContext db)
{
    public Task<RuleContext> ContextAsync(CancellationToken ct) => RuleContextLoader.LoadAsync(db, db.Clock.Today(), ct);

    /// <summary>A stored rule, read as it was saved.</summary>
    public static RuleCheck Check(string text, RuleContext context) => Check(text, context, draft: false);

    /// <summary>A rule staff are writing, also refused numbers its fields cannot hold.</summary>
    public static RuleCheck CheckDraft(string text, RuleContext context) => Check(text, context, draft: true);

    private static RuleCheck Check(string text, RuleContext context, bool draft)
    {
        var parsed = RuleParser.Parse(text ?? "", context.TagIds, draft);
        return parsed.Succeeded
            ? new RuleCheck(parsed.Rule, RuleFormatter.Format(parsed.Rule), [])
            : new RuleCheck(null, null, parsed.Errors);
    }

    /// <summary>The rule as a boolean SQL expression over <c>r</c>, a row of "Residents"; parameters named with <paramref name="prefix"/>.</summary>
    public RuleSql Sql(CheckedRule rule, RuleContext context, string prefix = "r") =>
        RuleSqlTranslator.Translate(rule, context, Dialect, prefix);

    public SqlDialect Dialect => RuleContextLoader.DialectOf(db);
}

public static class RuleErrorText
{
    /// <summary>The error with the place it points at, e.g. 第5个字符“agee”：未知字段。</summary>
    public static string Describe(this RuleError error, string source)
    {
        var start = Math.Clamp(error.Start, 0, source.Length);
        var length = Math.Clamp(error.Length, 0, source.Length - start);
        var part = length > 0 ? $"“{source.Substring(start, length)}”" : "";
        return $"第{start + 1}个字符{part}：{error.Message}";
    }
}
