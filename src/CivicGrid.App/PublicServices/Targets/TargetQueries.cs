using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Core.PublicServices.Rules;

namespace CivicGrid.App.PublicServices.Targets;

/// <summary>
/// Which residents a published rule selects, asked in SQL of the context given (the primary's, or the reporting
/// reads'). The eligible are counted from the residents alone, which the rule-facts index answers without the table
/// (a range of birth dates for an age rule); the reached are the eligible with an enrolment that still reaches them,
/// each probed in the enrolments' index on service and resident; the missed are the difference. Both counts walk the
/// index and never the residents' rows: joining from the enrolments to their residents looked up each reached
/// resident's row, spread over the whole table (0.2 s warm, seconds from disk, for 28,000 at district scale).
/// </summary>
public sealed class TargetQueries(RuleBook rules)
{
    /// <summary>An enrolment that still reaches the resident: any but an ended one.</summary>
    private static readonly string Reaching = $"""e."ServiceItemId" = @service AND e."Status" <> {(int)EnrolmentStatus.Ended}""";

    /// <summary>The resident <c>r</c> has an enrolment in the service that still reaches them (at most one: service and resident are unique).</summary>
    private static readonly string Reached = $"""EXISTS (SELECT 1 FROM "ServiceEnrolments" e WHERE e."ResidentId" = r."Id" AND {Reaching})""";

    /// <summary>
    /// Id order as an expression, which no index gives: SQLite otherwise walks the whole table in id order to spare
    /// itself a sort, and a page of the missed (the few selected and not reached) read a million rows (0.5 s) where the
    /// rule-facts index and a sort of the selected ids take 30 ms.
    /// </summary>
    private const string InIdOrder = """ORDER BY r."Id" + 0""";

    /// <summary>Active residents in the scope's subtree whom the rule selects.</summary>
    private static string Selected(RuleSql rule) =>
        $"""r."DepartedOn" IS NULL AND {JurisdictionSql.GridCodeWithin("r")} AND ({rule.WhereSql})""";

    public async Task<Dictionary<string, (int Eligible, int Missed)>> EligibleByRowAsync(CivicGridDbContext db, ServiceItem service, TargetScope scope, CancellationToken ct)
    {
        if (await WhereAsync(service, ct) is not { } rule)
        {
            return [];
        }
        var row = $"""substr(r."GridCode", 1, {scope.RowCodeLength})""";
        var eligible = await CountByRowAsync(db, $"""SELECT {row}, COUNT(*) FROM "Residents" r WHERE {Selected(rule)} GROUP BY {row}""", Parameters(scope, rule), ct);
        var reached = await CountByRowAsync(db, $"""SELECT {row}, COUNT(*) FROM "Residents" r WHERE {Selected(rule)} AND {Reached} GROUP BY {row}""", Parameters(scope, rule, service), ct);
        return eligible.ToDictionary(e => e.Key, e => (e.Value, e.Value - reached.GetValueOrDefault(e.Key)));
    }

    /// <summary>One page of the ids of eligible (or only missed) residents, and how many there are.</summary>
    public async Task<(List<int> Ids, int Total)> EligibleIdsAsync(CivicGridDbContext db, ServiceItem service, TargetScope scope, bool missedOnly, int skip, int take, CancellationToken ct)
    {
        if (await WhereAsync(service, ct) is not { } rule)
        {
            return ([], 0);
        }
        var total = await CountAsync(db, $"""SELECT COUNT(*) FROM "Residents" r WHERE {Selected(rule)}""", Parameters(scope, rule), ct);
        var withService = Parameters(scope, rule, service);
        if (missedOnly)
        {
            total -= await CountAsync(db, $"""SELECT COUNT(*) FROM "Residents" r WHERE {Selected(rule)} AND {Reached}""", withService, ct);
        }
        if (skip >= total)
        {
            return ([], total);
        }
        var missed = missedOnly ? $" AND NOT {Reached}" : "";
        var ids = await RawSql.QueryAsync(db, $"""SELECT r."Id" FROM "Residents" r WHERE {Selected(rule)}{missed} {InIdOrder} LIMIT {take} OFFSET {skip}""", missedOnly ? withService : Parameters(scope, rule), r => r.GetInt32(0), ct);
        return (ids, total);
    }

    /// <summary>The first residents the rule selects who have no enrolment in the service at all.</summary>
    public async Task<(List<int> Ids, int Total)> NeverReachedIdsAsync(CivicGridDbContext db, ServiceItem service, TargetScope scope, int take, CancellationToken ct)
    {
        if (await WhereAsync(service, ct) is not { } rule)
        {
            return ([], 0);
        }
        var sql = $"""
            SELECT r."Id" FROM "Residents" r
            WHERE {Selected(rule)} AND NOT EXISTS (SELECT 1 FROM "ServiceEnrolments" e WHERE e."ResidentId" = r."Id" AND e."ServiceItemId" = @service)
            {InIdOrder} LIMIT {take}
            """;
        var ids = await RawSql.QueryAsync(db, sql, Parameters(scope, rule, service), r => r.GetInt32(0), ct);
        return (ids, ids.Count);
    }

    private static async Task<Dictionary<string, int>> CountByRowAsync(CivicGridDbContext db, string sql, List<(string, object)> parameters, CancellationToken ct) =>
        (await RawSql.QueryAsync(db, sql, parameters, r => (Code: r.GetString(0), Count: Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)), ct))
            .ToDictionary(r => r.Code, r => r.Count);

    private static async Task<int> CountAsync(CivicGridDbContext db, string sql, List<(string, object)> parameters, CancellationToken ct) =>
        (await RawSql.QueryAsync(db, sql, parameters, r => Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), ct))[0];

    private async Task<RuleSql?> WhereAsync(ServiceItem service, CancellationToken ct)
    {
        if (service.PublishedRule is not { } published)
        {
            return null;
        }
        var context = await rules.ContextAsync(ct);
        var check = RuleBook.Check(published.Text, context);
        return check.Rule is null ? null : rules.Sql(check.Rule, context, "p");
    }

    /// <summary>The scope's and the rule's parameters, and the service's when the statement names it.</summary>
    private static List<(string, object)> Parameters(TargetScope scope, RuleSql rule, ServiceItem? service = null) =>
        [.. service is null ? [] : new[] { ("@service", (object)service.Id) }, JurisdictionSql.Subtree(scope.NodeCode), .. rule.Parameters];
}
