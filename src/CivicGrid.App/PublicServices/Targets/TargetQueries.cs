using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Core.PublicServices.Rules;

namespace CivicGrid.App.PublicServices.Targets;

/// <summary>Which residents a published rule selects, asked in SQL of the context given (the primary's, or the reporting reads').</summary>
public sealed class TargetQueries(RuleBook rules)
{
    /// <summary>Active residents in the scope's subtree, left-joined to their enrolment in the service.</summary>
    private static readonly string From = $"""
        FROM "Residents" r
        LEFT JOIN "ServiceEnrolments" e ON e."ResidentId" = r."Id" AND e."ServiceItemId" = @service
        WHERE r."DepartedOn" IS NULL AND {JurisdictionSql.GridCodeWithin("r")}
        """;

    /// <summary>An enrolment that no longer reaches the resident, or none at all.</summary>
    public static readonly string MissedSql = $"""(e."Id" IS NULL OR e."Status" = {(int)EnrolmentStatus.Ended})""";

    public async Task<Dictionary<string, (int Eligible, int Missed)>> EligibleByRowAsync(CivicGridDbContext db, ServiceItem service, TargetScope scope, CancellationToken ct)
    {
        if (await WhereAsync(service, ct) is not { } rule)
        {
            return [];
        }
        var sql = $"""
            SELECT substr(r."GridCode", 1, {scope.RowCodeLength}) AS code, COUNT(*), SUM(CASE WHEN {MissedSql} THEN 1 ELSE 0 END)
            {From} AND ({rule.WhereSql})
            GROUP BY substr(r."GridCode", 1, {scope.RowCodeLength})
            """;
        var rows = await RawSql.QueryAsync(db, sql, Parameters(service, scope, rule), r => (r.GetString(0), r.GetInt32(1), Convert.ToInt32(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)), ct);
        return rows.ToDictionary(r => r.Item1, r => (r.Item2, r.Item3));
    }

    /// <summary>One page of the ids of eligible (or only missed) residents, and how many there are.</summary>
    public async Task<(List<int> Ids, int Total)> EligibleIdsAsync(CivicGridDbContext db, ServiceItem service, TargetScope scope, bool missedOnly, int skip, int take, CancellationToken ct)
    {
        if (await WhereAsync(service, ct) is not { } rule)
        {
            return ([], 0);
        }
        var where = $"{From} AND ({rule.WhereSql}){(missedOnly ? $" AND {MissedSql}" : "")}";
        var parameters = Parameters(service, scope, rule);
        var total = (await RawSql.QueryAsync(db, $"SELECT COUNT(*) {where}", parameters, r => Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), ct))[0];
        var ids = await RawSql.QueryAsync(db, $"SELECT r.\"Id\" {where} ORDER BY r.\"Id\" LIMIT {take} OFFSET {skip}", parameters, r => r.GetInt32(0), ct);
        return (ids, total);
    }

    /// <summary>The first residents the rule selects who have no enrolment in the service at all.</summary>
    public async Task<(List<int> Ids, int Total)> NeverReachedIdsAsync(CivicGridDbContext db, ServiceItem service, TargetScope scope, int take, CancellationToken ct)
    {
        if (await WhereAsync(service, ct) is not { } rule)
        {
            return ([], 0);
        }
        var sql = $"SELECT r.\"Id\" {From} AND ({rule.WhereSql}) AND e.\"Id\" IS NULL ORDER BY r.\"Id\" LIMIT {take}";
        var ids = await RawSql.QueryAsync(db, sql, Parameters(service, scope, rule), r => r.GetInt32(0), ct);
        return (ids, ids.Count);
    }

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

    private static List<(string, object)> Parameters(ServiceItem service, TargetScope scope, RuleSql rule) =>
        [("@service", service.Id), JurisdictionSql.Subtree(scope.NodeCode), .. rule.Parameters];
}
