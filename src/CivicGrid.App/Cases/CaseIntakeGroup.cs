using CivicGrid.App.Data;
using CivicGrid.App.Notifications;
using CivicGrid.Core.Audit;
using CivicGrid.Core.Cases;

namespace CivicGrid.App.Cases;

/// <summary>
/// One group of new cases in two round trips: the case rows, which give back their ids; then every timeline entry,
/// audit entry, claimed attachment, message and indicator count of the group in one command.
/// </summary>
internal static class CaseIntakeGroup
{
    public static async Task WriteAsync(CivicGridDbContext db, IReadOnlyList<NewCase> group, CancellationToken ct)
    {
        await InsertCasesAsync(db, group, ct);
        var batch = new SqlBatch();
        batch.AddRows(EntityRows.Of<CaseEvent>(db.Model, withGeneratedKey: false), group.Select(i => i.Receipt));
        batch.AddRows(EntityRows.Of<AuditEntry>(db.Model, withGeneratedKey: false), group.SelectMany(AuditEntries));
        foreach (var intake in group)
        {
            ClaimAttachments(batch, intake);
            CaseNotifier.Queue(batch, intake.Case, intake.Receipt, intake.Case.SubmitterId);
        }
        CaseStats.QueueReceived(batch, group.Select(i => i.Case));
        await batch.ExecuteAsync(db, ct);
    }

    /// <summary>Inserts the cases and gives each its id, matched back by the case's random token.</summary>
    private static async Task InsertCasesAsync(CivicGridDbContext db, IReadOnlyList<NewCase> group, CancellationToken ct)
    {
        var insert = new SqlBatch();
        insert.AddRows(EntityRows.Of<Case>(db.Model, withGeneratedKey: false), group.Select(i => i.Case), "\"Id\", \"Token\"");
        var ids = (await insert.QueryAsync(db, ct)).ToDictionary(row => (string)row[1], row => Convert.ToInt32(row[0], System.Globalization.CultureInfo.InvariantCulture));
        foreach (var intake in group)
        {
            intake.Case.Id = ids[intake.Case.Token!];
            intake.Receipt.CaseId = intake.Case.Id;
        }
    }

    private static IEnumerable<AuditEntry> AuditEntries(NewCase intake)
    {
        var key = intake.Case.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return Audited(intake, "create", nameof(Case), key, null);
        foreach (var attachment in intake.Attachments)
        {
            yield return Audited(intake, "update", nameof(CaseAttachment), attachment, nameof(CaseAttachment.CaseId));
        }
    }

    private static AuditEntry Audited(NewCase intake, string action, string entity, string key, string? detail) => new()
    {
        At = intake.AuditedAt,
        Actor = intake.Actor,
        ClientAddress = intake.ClientAddress,
        Action = action,
        Entity = entity,
        EntityKey = key,
        Detail = detail,
        PreviousHash = "",
    };

    private static void ClaimAttachments(SqlBatch batch, NewCase intake)
    {
        foreach (var attachment in intake.Attachments)
        {
            batch.Add("UPDATE \"CaseAttachments\" SET \"CaseId\" = {0} WHERE \"Id\" = {1} AND \"CaseId\" IS NULL", intake.Case.Id, attachment);
        }
    }
}
