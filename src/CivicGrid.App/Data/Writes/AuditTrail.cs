using CivicGrid.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CivicGrid.App.Data.Writes;

/// <summary>Who a write is recorded against: the acting account, its client address and the moment.</summary>
public sealed record AuditedBy(string Actor, string? ClientAddress, DateTimeOffset At)
{
    public static AuditedBy Current(CivicGridDbContext db) => new(db.Jurisdiction.ActorName, db.Jurisdiction.ClientAddress, db.Clock.GetUtcNow());
}

/// <summary>Hash-chained audit entries, written in the same transaction as the change they record and linked onto the chain afterwards.</summary>
public static class AuditTrail
{
    /// <summary>Queues an entry for an action that changes no row, such as revealing personal data or a bulk import.</summary>
    public static void Record(CivicGridDbContext db, string action, string entity, string key, string? detail = null) =>
        db.AuditEntries.Add(Entry(AuditedBy.Current(db), action, entity, key, detail));

    /// <summary>
    /// Takes the chain head's row lock for the current transaction: a no-op update that every engine turns into a
    /// write lock held until commit, so entries are linked onto the head one batch at a time and the chain never forks.
    /// </summary>
    public static Task LockHeadAsync(CivicGridDbContext db, CancellationToken ct) => RowLock.TakeAsync<AuditHead>(db, AuditHead.SingletonId, ct);

    /// <summary>An entry to be linked onto the chain later, so writers never wait for one another on the chain's head.</summary>
    public static AuditEntry Entry(AuditedBy by, string action, string entity, string key, string? detail) => new()
    {
        At = AuditEntry.Truncate(by.At),
        Actor = by.Actor,
        ClientAddress = by.ClientAddress,
        Action = action,
        Entity = entity,
        EntityKey = key,
        Detail = detail,
        PreviousHash = "",
    };

    /// <summary>The entry for a tracked row's update or deletion.</summary>
    internal static AuditEntry Entry(AuditedBy by, EntityEntry e) =>
        Entry(by, e.State == EntityState.Modified ? "update" : "delete", EntityName(e.Metadata), KeyOf(e), DetailOf(e));

    /// <summary>The entity's name in the log; a join table without a class of its own goes by its model name.</summary>
    internal static string EntityName(IReadOnlyEntityType entity) => entity.ClrType == typeof(Dictionary<string, object>) ? entity.Name : entity.ClrType.Name;

    internal static string KeyOf(EntityEntry e) =>
        e.Metadata.FindPrimaryKey() is { } key ? string.Join(',', key.Properties.Select(p => e.Property(p.Name).CurrentValue)) : "";

    /// <summary>Names the changed fields, never their values: the log must not become a copy of the personal data.</summary>
    private static string? DetailOf(EntityEntry e) =>
        e.State != EntityState.Modified
            ? null
            : string.Join(',', e.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name));
}
