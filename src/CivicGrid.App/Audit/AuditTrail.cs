using CivicGrid.App.Access;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Notifications;
using CivicGrid.App.Security.KeyRing;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CivicGrid.App.Audit;

/// <summary>Turns every pending change into a hash-chained audit entry, in the same save as the change.</summary>
public static class AuditTrail
{
    /// <summary>Queues an entry for an action that changes no row, such as revealing personal data or a bulk import.</summary>
    public static void Record(CivicGridDbContext db, string action, string entity, string key, string? detail = null) =>
        db.AuditEntries.Add(NewEntry(db, action, entity, key, detail));

    /// <summary>
    /// Rows that are not records of people, places or cases: messages, and timeline entries, which are themselves the
    /// record of the case change audited beside them. Leaving them out keeps the chain's lock off inbox clicks.
    /// A key of the key ring is recorded by name only, without its (encrypted) content.
    /// </summary>
    private static readonly HashSet<Type> NotAudited = [typeof(InboxMessage), typeof(OutboxMessage), typeof(CaseEvent), typeof(CaseSupport), typeof(ProtectionKey)];

    /// <summary>Whether a save has anything to write, and whether any of it is audited.</summary>
    internal static (bool Writes, bool Audited) Pending(CivicGridDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        return (changed.Count > 0, changed.Any(e => e.Entity is not AuditEntry and not AuditHead && !NotAudited.Contains(e.Metadata.ClrType)));
    }

    /// <summary>
    /// Takes the chain head's row lock for the current transaction: a no-op update that every engine turns into a
    /// write lock held until commit, so entries are linked onto the head one batch at a time and the chain never forks.
    /// </summary>
    public static Task LockHeadAsync(CivicGridDbContext db, CancellationToken ct) => RowLock.TakeAsync<AuditHead>(db, AuditHead.SingletonId, ct);

    /// <summary>
    /// Adds an entry for every pending change, to be saved with it. The entries are linked onto the chain afterwards by
    /// <see cref="LinkAuditEntriesHandler"/>, so writers never wait for one another on the chain's head.
    /// </summary>
    internal static void QueueChanges(CivicGridDbContext db)
    {
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not AuditEntry and not AuditHead && !NotAudited.Contains(e.Metadata.ClrType))
            .Select(e => NewEntry(db, ActionOf(e.State), e.Metadata.ClrType == typeof(Dictionary<string, object>) ? e.Metadata.Name : e.Metadata.ClrType.Name, KeyOf(e), DetailOf(e)))
            .ToList();
        db.AuditEntries.AddRange(entries);
    }

    private static AuditEntry NewEntry(CivicGridDbContext db, string action, string entity, string key, string? detail) => new()
    {
        At = AuditEntry.Truncate(db.Clock.GetUtcNow()),
        Actor = db.Jurisdiction.ActorName,
        ClientAddress = db.Jurisdiction.ClientAddress,
        Action = action,
        Entity = entity,
        EntityKey = key,
        Detail = detail,
        PreviousHash = "",
    };

    private static string ActionOf(EntityState state) => state switch
    {
        EntityState.Added => "create",
        EntityState.Modified => "update",
        _ => "delete",
    };

    private static string KeyOf(EntityEntry e)
    {
        var key = e.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return "";
        }
        var values = key.Properties.Select(p => e.Property(p.Name)).ToList();
        if (values.Any(v => v.IsTemporary))
        {
            var natural = e.Metadata.FindProperty("Code") ?? e.Metadata.FindProperty("CreditCode") ?? e.Metadata.FindProperty("Name");
            // A name is typed by users and may hold a phone or ID number; the log must not keep it whole.
            return natural is null ? "new" : $"new:{Core.People.PersonalDataMask.InText(e.Property(natural.Name).CurrentValue?.ToString())}";
        }
        return string.Join(',', values.Select(v => v.CurrentValue));
    }

    /// <summary>Names the changed fields, never their values: the log must not become a copy of the personal data.</summary>
    private static string? DetailOf(EntityEntry e) =>
        e.State != EntityState.Modified
            ? null
            : string.Join(',', e.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name));


}
