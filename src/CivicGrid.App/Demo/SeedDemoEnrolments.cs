using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Enrolment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Demo;

/// <summary>
/// Gives the demo district a history of service delivery. Services the system offers by itself have reached everyone
/// their rule selects (80 % receive it, 12 % were offered it, 8 % declined); services residents apply for reached 83 %,
/// so the rest show as missed; for services with limited places a fifth are on the waiting list. Chosen by a hash of the resident's id, so every run is the same.
/// One INSERT … SELECT per service keeps it fast at district scale.
/// </summary>
public sealed class SeedDemoEnrolmentsHandler(CivicGridDbContext db, RuleBook rules)
{
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var context = await rules.ContextAsync(ct);
        var services = await db.ServiceItems.AsNoTracking().Include(s => s.Rules).Where(s => s.PublishedRuleVersion != null).ToListAsync(ct);
        var at = db.Clock.GetUtcNow().UtcDateTime.AddDays(-90);
        var written = 0;
        foreach (var service in services)
        {
            if (RuleBook.Check(service.PublishedRule!.Text, context).Rule is not { } rule)
            {
                continue;
            }
            var sql = rules.Sql(rule, context, "p");
            var status = service.LimitedPlaces
                ? $"{(int)EnrolmentStatus.Waiting}"
                : $"CASE WHEN {Bucket} < 80 THEN {(int)EnrolmentStatus.Enrolled} WHEN {Bucket} < 92 THEN {(int)EnrolmentStatus.Offered} ELSE {(int)EnrolmentStatus.Declined} END";
            var share = service.LimitedPlaces ? 20 : service.Mode == DeliveryMode.OnApplication ? 83 : 100;
            written += await RawSql.ExecuteAsync(db, $"""
                INSERT INTO "ServiceEnrolments" ("ServiceItemId", "ResidentId", "GridCode", "Status", "Source", "PriorityPoints", "OfferedAt", "AcceptedAt", "DecidedAt", "DecidedBy", "Version")
                SELECT @service, r."Id", r."GridCode", {status}, {(int)EnrolmentSource.Proactive}, 0, @at, @at, @at, 'demo', 0
                FROM "Residents" r WHERE r."DepartedOn" IS NULL AND ({sql.WhereSql}) AND {Bucket} < {share}
                """, [("@service", service.Id), ("@at", at), .. sql.Parameters], ct);
        }
        return written;
    }

    private const string Bucket = "((r.\"Id\" * 37) % 100)";
}
