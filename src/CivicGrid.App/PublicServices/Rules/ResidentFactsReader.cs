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
    private const string Select = """
        SELECT r."Id", r."BirthDate", r."Gender", r."ResidenceType", r."Relation", COALESCE(r."MoveInDate", r."BirthDate"),
               r."GridCode", r."HouseholdId", COALESCE(t."Mask", 0)
        FROM "Residents" r
        LEFT JOIN (SELECT "ResidentsId", CAST(SUM(CAST(1 AS BIGINT) << ("TagsId" - 1)) AS BIGINT) AS "Mask"
                   FROM "ResidentTags" WHERE "TagsId" BETWEEN 1 AND 64 GROUP BY "ResidentsId") t ON t."ResidentsId" = r."Id"
        WHERE r."DepartedOn" IS NULL
        """;

    /// <param name="scopeCode">A territory code whose subtree is read, or "" for the whole district.</param>
    public static async Task<ResidentFacts[]> ReadAsync(CivicGridDbContext db, string scopeCode, CancellationToken ct)
    {
        if (scopeCode.Length > 0 && !TerritoryCode.IsValid(scopeCode))
        {
            throw new ArgumentException($"'{scopeCode}' is not a territory code.", nameof(scopeCode));
        }
        var sql = scopeCode.Length == 0 ? Select : Select + " AND " + JurisdictionSql.GridCodeWithin("r");
        var gridCodes = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = await RawSql.QueryAsync(db, sql, scopeCode.Length == 0 ? [] : [JurisdictionSql.Subtree(scopeCode)], r => Read(r, gridCodes), ct);
        return WithHouseholds(rows);
    }

    /// <summary>A resident's own facts, with the household left to fill; household ids start at 1, so 0 means none.</summary>
    private readonly record struct Row(ResidentFacts Facts, int HouseholdId);

    private struct Household
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
        return new Row(facts, r.IsDBNull(7) ? 0 : r.GetInt32(7));
    }

    private static ResidentFacts[] WithHouseholds(List<Row> rows)
    {
        var households = new Dictionary<int, Household>();
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
