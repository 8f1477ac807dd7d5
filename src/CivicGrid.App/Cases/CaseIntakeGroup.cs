using CivicGrid.App.Data;
using CivicGrid.App.Data.Writes;
using CivicGrid.App.Notifications;
using CivicGrid.Core.Cases;

namespace CivicGrid.App.Cases;

/// <summary>
/// One group of new cases in two round trips: the case rows, which give back their ids; then every timeline entry,
/// audit entry, claimed attachment, message and indicator count of the group in one command. The write rules
/// (<see cref="RowWrites"/>) mask, audit and roll up the cases as they do on every other path.
/// </summary>
internal static class CaseIntakeGroup
{
    public static async Task WriteAsync(CivicGridDbContext db, IReadOnlyList<NewCase> group, CancellationToken ct)
    {
        RowWrites.Mask(db, group.Select(i => i.Case));
        await InsertCasesAsync(db, group, ct);
        var batch = new SqlBatch();
        batch.AddRows(EntityRows.Of<CaseEvent>(db.Model, withGeneratedKey: false), group.Select(i => i.Receipt));
        RowWrites.QueueInserted(db, batch, group.Select(i => (i.Case, AuditedBy(i))).ToList());
        foreach (var intake in group)
        {
            ClaimAttachments(db, batch, intake);
            CaseNotifier.Queue(batch, intake.Case, intake.Receipt, intake.Case.SubmitterId);
        }
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

    private static AuditedBy AuditedBy(NewCase intake) =>
        new(intake.Actor, intake.ClientAddress, new DateTimeOffset(DateTime.SpecifyKind(intake.AuditedAt, DateTimeKind.Utc)));

    private static void ClaimAttachments(CivicGridDbContext db, SqlBatch batch, NewCase intake)
    {
        foreach (var attachment in intake.Attachments)
        {
            batch.Add("UPDATE \"CaseAttachments\" SET \"CaseId\" = {0} WHERE \"Id\" = {1} AND \"CaseId\" IS NULL", intake.Case.Id, attachment);
            RowWrites.QueueUpdated<CaseAttachment>(db, batch, AuditedBy(intake), attachment, nameof(CaseAttachment.CaseId));
        }
    }
}
