using CivicGrid.App.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// The enterprise scenario's anchors, plain SQL over the same tables: every raised need joined to the active offers that
/// serve its category and have room for it, scored by place and ranked per need (the best offer each, without the
/// batch's capacity carried from need to need, nor explanations); and the needs counted per business community and state.
/// </summary>
internal static class PlainMatching
{
    public static async Task<int> BestOfferPerNeedAsync(BenchDatabase database)
    {
        var serves = database.Kind == "postgres"
            ? "n.\"CategoryCode\" = ANY(o.\"CategoryCodes\")"
            : "EXISTS (SELECT 1 FROM json_each(o.\"CategoryCodes\") c WHERE c.value = n.\"CategoryCode\")";
        var sql = $"""
            WITH candidates AS (
              SELECT n."Id" AS need, o."Id" AS offer,
                     40 + CASE WHEN o."BuildingId" = COALESCE(n."BuildingId", e."BuildingId") THEN 30
                               WHEN o."BusinessCommunityId" = b."BusinessCommunityId" THEN 20
                               WHEN o."BuildingId" IS NULL AND o."BusinessCommunityId" IS NULL THEN 10 ELSE 0 END AS score
              FROM "EnterpriseNeed" n
              JOIN "Enterprises" e ON e."Id" = n."EnterpriseId"
              LEFT JOIN "Buildings" b ON b."Id" = COALESCE(n."BuildingId", e."BuildingId")
              JOIN "CommunityOffer" o ON o."Active" = TRUE AND {serves}
               AND (o."Places" IS NULL OR o."Places" - o."PlacesTaken" >= n."Quantity")
               AND (o."CreditLine" IS NULL OR o."CreditLine" - o."CreditTaken" >= n."RequestedAmount")
               AND (o."MinEmployees" IS NULL OR e."EmployeeCount" >= o."MinEmployees")
               AND (o."MaxEmployees" IS NULL OR e."EmployeeCount" <= o."MaxEmployees")
              WHERE n."Status" = 0
            )
            SELECT need, offer FROM (
              SELECT need, offer, ROW_NUMBER() OVER (PARTITION BY need ORDER BY score DESC, offer) AS rank FROM candidates
            ) ranked WHERE rank = 1
            """;
        return (await QueryAsync(database, sql)).Count;
    }

    public static Task<List<int>> NeedsPerCommunityAsync(BenchDatabase database) => QueryAsync(database, """
        SELECT b."BusinessCommunityId", n."Status", COUNT(*)
        FROM "EnterpriseNeed" n
        JOIN "Enterprises" e ON e."Id" = n."EnterpriseId"
        JOIN "Buildings" b ON b."Id" = e."BuildingId"
        WHERE b."BusinessCommunityId" IS NOT NULL
        GROUP BY b."BusinessCommunityId", n."Status"
        """);

    private static async Task<List<int>> QueryAsync(BenchDatabase database, string sql)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        return await RawSql.QueryAsync(db, sql, [], r => r.GetInt32(1), CancellationToken.None);
    }
}
