using System.Data.Common;
using System.Runtime.InteropServices;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Rules;
using CivicGrid.Core.Territory;

namespace CivicGrid.App.PublicServices.Rules;

/// <summary>
/// Reads the facts rules evaluate for every active resident of a scope with one streaming query. Tags arrive as a
/// bit mask summed up by the database; household size, youngest, oldest and tags are added up here in memory, since
/// a grouping pass over the rows costs less than correlated subqueries for a whole district.
/// </summary>
public static class ResidentFactsReader
{
    private const string Columns = """
        SELECT r."Id", r."BirthDate", r."Gender", r."ResidenceType", r."Relation", COALESCE(r."MoveInDate", r."BirthDate"),
               r."GridCode", r."HouseholdId", COALESCE(t."Mask", 0), r."DepartedOn", r."Departure"
        FROM "Residents" r
        LEFT JOIN (SELECT "ResidentsId", CAST(SUM(CAST(1 AS BIGINT) << ("TagsId" - 1)) AS BIGINT) AS "Mask"
                   FROM "ResidentTags" WHERE "TagsId" BETWEEN 1 AND 64 GROUP BY "ResidentsId") t ON t."ResidentsId" = r."Id"
        """;

    private const string Select = Columns + "\n" + """
        WHERE r."DepartedOn" IS NULL
        """;

    private const string SelectWithDeparted = Columns + "\n" + """
        WHERE (r."DepartedOn" IS NULL OR r."DepartedOn" >= @departedSince)
        """;

    /// <param name="scopeCode">A territory code whose subtree is read, or "" for the whole district.</param>
    public static async Task<ResidentFacts[]> ReadAsync(CivicGridDbContext db, string scopeCode, CancellationToken ct)
    {
        var rows = await RowsAsync(db, Select, scopeCode, [], ct);
        return WithHouseholds(rows, out _);
    }

    /// <summary>
    /// The active residents as <see cref="ReadAsync"/> reads them, and those who died or moved out on or after
    /// <paramref name="departedSince"/>, judged with the same facts: their own tags, and their household as it is now with
    /// them still in it (its size, youngest, oldest and tags), so a rule on the household holds for them as it held before.
    /// </summary>
    public static async Task<(ResidentFacts[] Active, DepartedFacts[] Departed)> ReadWithDepartedAsync(
        CivicGridDbContext db, string scopeCode, DateOnly departedSince, CancellationToken ct)
    {
        var rows = await RowsAsync(db, SelectWithDeparted, scopeCode, [("@departedSince", departedSince)], ct);
        return WithDeparted(rows);
    }

    private static (ResidentFacts[] Active, DepartedFacts[] Departed) WithDeparted(List<Row> rows)
    {
        var active = WithHouseholds(rows.Where(r => r.DepartedOn is null).ToList(), out var households);
        var departed = rows.Where(r => r.DepartedOn is not null).Select(r =>
        {
            var facts = r.HouseholdId != 0 && households.TryGetValue(r.HouseholdId, out var h)
                ? r.Facts with
                {
                    HouseholdSize = h.Size + 1, YoungestBirthDay = Math.Max(h.YoungestBirthDay, r.Facts.BirthDay),
                    OldestBirthDay = Math.Min(h.OldestBirthDay, r.Facts.BirthDay), HouseholdTags = h.Tags | r.Facts.Tags,
                }
                : r.Facts;
            return new DepartedFacts(facts, r.DepartedOn!.Value, r.Departure ?? Departure.MovedOut);
        }).ToArray();
        return (active, departed);
    }

    /// <summary>
    /// As <see cref="ReadWithDepartedAsync(CivicGridDbContext, string, DateOnly, CancellationToken)"/>, but only for the
    /// active residents of the scope one of <paramref name="among"/> selects, and every departed one: each condition
    /// narrows the read in the database by its own index, and household members are read along so household facts stay whole.
    /// UNION ALL, not UNION: a merged union makes SQLite scan the table in key order rather than sort what the indexes give.
    /// </summary>
    /// <param name="withHouseholds">
    /// False when no rule to be evaluated reads the household: members are then not read, and each person's household facts
    /// are those of the candidates of the household alone, which such rules never look at.
    /// </param>
    public static async Task<(ResidentFacts[] Active, DepartedFacts[] Departed)> ReadWithDepartedAsync(
        CivicGridDbContext db, string scopeCode, DateOnly departedSince, IReadOnlyList<RuleSql> among, bool withHouseholds, CancellationToken ct)
    {
        var scope = JurisdictionSql.GridCodeWithin("r");
        var selected = among.Select(a => $"""
            SELECT r."Id", r."HouseholdId" FROM "Residents" r WHERE r."DepartedOn" IS NULL AND {scope} AND {a.WhereSql}
            """).Append($"""
            SELECT r."Id", r."HouseholdId" FROM "Residents" r WHERE r."DepartedOn" >= @departedSince AND {scope}
            """);
        var sql = $"""
            WITH wanted AS MATERIALIZED ({string.Join("\nUNION ALL ", selected)})
            SELECT r."Id", r."BirthDate", r."Gender", r."ResidenceType", r."Relation", COALESCE(r."MoveInDate", r."BirthDate"),
                   r."GridCode", r."HouseholdId",
                   COALESCE((SELECT CAST(SUM(CAST(1 AS BIGINT) << (t."TagsId" - 1)) AS BIGINT) FROM "ResidentTags" t
                             WHERE t."ResidentsId" = r."Id" AND t."TagsId" BETWEEN 1 AND 64), 0),
                   r."DepartedOn", r."Departure", CASE WHEN r."Id" IN (SELECT "Id" FROM wanted) THEN 1 ELSE 0 END
            FROM "Residents" r
            WHERE (r."DepartedOn" IS NULL OR r."DepartedOn" >= @departedSince)
              AND r."Id" IN (SELECT "Id" FROM wanted{(withHouseholds ? Members : "")})
            """;
        List<(string Name, object Value)> parameters = [("@departedSince", departedSince), JurisdictionSql.Subtree(scopeCode), .. among.SelectMany(a => a.Parameters)];
        var gridCodes = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = await RawSql.QueryAsync(db, sql, parameters, r => (Row: Read(r, gridCodes), Wanted: r.GetInt32(11) == 1), ct);
        var (active, departed) = WithDeparted(rows.Select(r => r.Row).ToList());
        var ids = rows.Where(r => r.Wanted).Select(r => r.Row.Facts.ResidentId).ToHashSet();
        return (active.Where(f => ids.Contains(f.ResidentId)).ToArray(), departed.Where(d => ids.Contains(d.Facts.ResidentId)).ToArray());
    }

    private const string Members = """
         UNION ALL SELECT m."Id" FROM "Residents" m JOIN wanted w ON m."HouseholdId" = w."HouseholdId"
        """;

    private static async Task<List<Row>> RowsAsync(
        CivicGridDbContext db, string select, string scopeCode, List<(string Name, object Value)> parameters, CancellationToken ct)
    {
        if (scopeCode.Length > 0 && !TerritoryCode.IsValid(scopeCode))
        {
            throw new ArgumentException($"'{scopeCode}' is not a territory code.", nameof(scopeCode));
        }
        var sql = scopeCode.Length == 0 ? select : select + " AND " + JurisdictionSql.GridCodeWithin("r");
        if (scopeCode.Length > 0)
        {
            parameters.Add(JurisdictionSql.Subtree(scopeCode));
        }
        var gridCodes = new Dictionary<string, string>(StringComparer.Ordinal);
        return await RawSql.QueryAsync(db, sql, parameters, r => Read(r, gridCodes), ct);
    }

    /// <summary>A resident's own facts, with the household left to fill; household ids start at 1, so 0 means none.</summary>
    private readonly record struct Row(ResidentFacts Facts, int HouseholdId, DateOnly? DepartedOn, Departure? Departure);

    internal struct Household
    {
        public int Size;
        public int YoungestBirthDay;
        public int OldestBirthDay;
        public ulong Tags;
    }

    private static Row Read(DbDataReader r, Dictionary<string, string> gridCodes)
    {
        var birth = r.GetFieldValue<DateOnly>(1).DayNumber;
        var grid = r.GetString(6);
        ref var shared = ref CollectionsMarshal.GetValueRefOrAddDefault(gridCodes, grid, out _);
        shared ??= grid;
        var tags = unchecked((ulong)r.GetInt64(8));
        var facts = new ResidentFacts(
            r.GetInt32(0), birth, (Gender)r.GetInt32(2), (ResidenceType)r.GetInt32(3), (HouseholdRelation)r.GetInt32(4),
            r.GetFieldValue<DateOnly>(5).DayNumber, shared, tags, tags, 1, birth, birth);
        return new Row(facts, r.IsDBNull(7) ? 0 : r.GetInt32(7),
            r.IsDBNull(9) ? null : r.GetFieldValue<DateOnly>(9), r.IsDBNull(10) ? null : (Departure)r.GetInt32(10));
    }

    private static ResidentFacts[] WithHouseholds(List<Row> rows, out Dictionary<int, Household> households)
    {
        households = [];
        foreach (var row in rows)
        {
            if (row.HouseholdId == 0)
            {
                continue;
            }
            ref var h = ref CollectionsMarshal.GetValueRefOrAddDefault(households, row.HouseholdId, out var existed);
            h.YoungestBirthDay = existed ? Math.Max(h.YoungestBirthDay, row.Facts.BirthDay) : row.Facts.BirthDay;
            h.OldestBirthDay = existed ? Math.Min(h.OldestBirthDay, row.Facts.BirthDay) : row.Facts.BirthDay;
            h.Size++;
            h.Tags |= row.Facts.Tags;
        }
        var facts = new ResidentFacts[rows.Count];
        for (var i = 0; i < facts.Length; i++)
        {
            var row = rows[i];
            facts[i] = row.HouseholdId == 0 || !households.TryGetValue(row.HouseholdId, out var h)
                ? row.Facts
                : row.Facts with { HouseholdSize = h.Size, YoungestBirthDay = h.YoungestBirthDay, OldestBirthDay = h.OldestBirthDay, HouseholdTags = h.Tags };
        }
        return facts;
    }
}

/// <summary>A resident who died or moved out, with the facts rules read of them and when and how they left.</summary>
public sealed record DepartedFacts(ResidentFacts Facts, DateOnly DepartedOn, Departure Departure);
