using CivicGrid.App.Access;
using CivicGrid.App.Data;
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

    /// <returns>The entries chained: the queued ones and the ones generated from changes.</returns>
    internal static async Task<(List<AuditEntry> Queued, List<AuditEntry> Generated)> AppendChangesAsync(CivicGridDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not AuditEntry and not AuditHead)
            .Select(e => NewEntry(db, ActionOf(e.State), e.Metadata.ClrType == typeof(Dictionary<string, object>) ? e.Metadata.Name : e.Metadata.ClrType.Name, KeyOf(e), DetailOf(e)))
            .ToList();
        var queued = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added && e.Entity.Hash.Length == 0).Select(e => e.Entity).ToList();
        var all = queued.Concat(entries).ToList();
        if (all.Count == 0)
        {
            return (queued, entries);
        }
        var head = await db.AuditHeads.FindAsync([AuditHead.SingletonId], ct);
        if (head is null)
        {
            head = new AuditHead { LastHash = AuditEntry.GenesisHash };
            db.AuditHeads.Add(head);
        }
        foreach (var entry in all)
        {
            entry.PreviousHash = head.LastHash;
            entry.Hash = entry.ComputeHash();
            head.LastHash = entry.Hash;
            if (db.Entry(entry).State == EntityState.Detached)
            {
                db.AuditEntries.Add(entry);
            }
        }
        head.Version++;
        return (queued, entries);
    }

    /// <summary>Undoes a chaining that lost the race for the head, so the save can chain again.</summary>
    internal static async Task ResetAsync(CivicGridDbContext db, (List<AuditEntry> Queued, List<AuditEntry> Generated) chained, CancellationToken ct)
    {
        chained.Queued.ForEach(e => e.Hash = "");
        chained.Generated.ForEach(e => db.Entry(e).State = EntityState.Detached);
        var head = db.ChangeTracker.Entries<AuditHead>().FirstOrDefault();
        if (head is not null)
        {
            await head.ReloadAsync(ct);
        }
    }

    private static AuditEntry NewEntry(CivicGridDbContext db, string action, string entity, string key, string? detail) => new()
    {
        At = db.Clock.GetUtcNow().UtcDateTime,
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
            return natural is null ? "new" : $"new:{e.Property(natural.Name).CurrentValue}";
        }
        return string.Join(',', values.Select(v => v.CurrentValue));
    }

    /// <summary>Names the changed fields, never their values: the log must not become a copy of the personal data.</summary>
    private static string? DetailOf(EntityEntry e) =>
        e.State != EntityState.Modified
            ? null
            : string.Join(',', e.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name));

    internal static bool IsHeadConflict(DbUpdateConcurrencyException ex) => ex.Entries.All(e => e.Entity is AuditHead);

}
