using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.App.PublicServices.Targets;

namespace CivicGrid.App.PublicServices.Catalogue;

/// <summary>How many active residents a draft rule selects, per area one level below the caller's node, as staff edit it.</summary>
public sealed record PreviewRule(string Text);

public sealed record RulePreview(string? Canonical, IReadOnlyList<string> Errors, IReadOnlyList<RuleErrorSpan> Spans, int Total, IReadOnlyList<AreaCount> Areas);

public sealed record RuleErrorSpan(int Start, int Length, string Message);

public sealed record AreaCount(string Code, string Name, int Residents);

public sealed class PreviewRuleHandler(CivicGridDbContext db, RuleBook rules)
{
    public async Task<RulePreview> HandleAsync(PreviewRule query, CancellationToken ct)
    {
        // A body without text previews the empty rule, whose parse error is the answer.
        query = query with { Text = query.Text ?? "" };
        var context = await rules.ContextAsync(ct);
        var check = RuleBook.CheckDraft(query.Text, context);
        if (check.Rule is null)
        {
            return new RulePreview(null, check.Errors.Select(e => e.Describe(query.Text)).ToList(),
                check.Errors.Select(e => new RuleErrorSpan(e.Start, e.Length, e.Message)).ToList(), 0, []);
        }
        var scope = TargetScope.For(db.Jurisdiction, null)!;
        var sql = rules.Sql(check.Rule, context, "p");
        var counts = await RawSql.QueryAsync(db, $"""
            SELECT substr(r."GridCode", 1, {scope.RowCodeLength}), COUNT(*) FROM "Residents" r
            WHERE r."DepartedOn" IS NULL AND {JurisdictionSql.GridCodeWithin("r")} AND ({sql.WhereSql})
            GROUP BY substr(r."GridCode", 1, {scope.RowCodeLength})
            """, [JurisdictionSql.Subtree(scope.NodeCode), .. sql.Parameters], r => (Code: r.GetString(0), Count: Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)), ct);
        var names = await TerritoryNames.ChildrenAsync(db, scope, ct);
        var areas = names.Select(n => new AreaCount(n.Key, n.Value, counts.FirstOrDefault(c => c.Code == n.Key).Count)).ToList();
        return new RulePreview(check.Canonical, [], [], areas.Sum(a => a.Residents), areas);
    }
}
