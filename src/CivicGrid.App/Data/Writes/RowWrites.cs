using System.Globalization;
using CivicGrid.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CivicGrid.App.Data.Writes;

/// <summary>
/// What happens when a row is written (写入规则), whichever way it is written: through the change tracker on save, as
/// SQL by case intake's group commit, or by the bulk path of imports. Its typed text is masked, the write is audited
/// unless the module's model says otherwise, and the roll-ups a module keeps beside its rows follow in the same
/// transaction. A new module gets all three by declaring its model; no writer applies them itself.
/// </summary>
public static class RowWrites
{
    /// <summary>
    /// The tracked path: masks every pending change of a save and audits its updates and deletions with it; new rows
    /// are audited, and the roll-ups queued, by <see cref="TrackedSave.AfterSave"/> once the rows have their keys.
    /// </summary>
    internal static TrackedSave Tracked(CivicGridDbContext db)
    {
        var changed = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        foreach (var entry in changed.Where(e => e.State != EntityState.Deleted))
        {
            FreeText.Mask(entry, entry.State == EntityState.Added);
        }
        var by = AuditedBy.Current(db);
        var audited = changed.Where(e => e.Metadata.IsAudited()).ToList();
        db.AuditEntries.AddRange(audited.Where(e => e.State != EntityState.Added).Select(e => AuditTrail.Entry(by, e)).ToList());
        var rollUps = new SqlBatch();
        foreach (var rows in changed.GroupBy(e => e.Metadata.ClrType))
        {
            RollUps.For(rows.Key)?.Queue(rollUps, rows.Select(Change).ToList());
        }
        return new TrackedSave(db, by, audited.Where(e => e.State == EntityState.Added).ToList(), rollUps);
    }

    /// <summary>What a save still writes after its rows, in its transaction: the new rows' audit entries and the roll-ups.</summary>
    internal sealed class TrackedSave(CivicGridDbContext db, AuditedBy by, IReadOnlyList<EntityEntry> added, SqlBatch rollUps)
    {
        public bool HasMore => added.Count > 0 || !rollUps.IsEmpty;

        public SqlBatch AfterSave()
        {
            if (added.Count > 0)
            {
                rollUps.AddRows(AuditRows(db), added.Select(e => AuditTrail.Entry(by, "create", AuditTrail.EntityName(e.Metadata), AuditTrail.KeyOf(e), null)));
            }
            return rollUps;
        }
    }

    /// <summary>Typed text as it is stored: with any ID or mobile number in it masked.</summary>
    public static string MaskedText(string text) => FreeText.Masked(text);

    /// <summary>The SQL path, before new rows are inserted: masks their typed text.</summary>
    public static void Mask<T>(CivicGridDbContext db, IEnumerable<T> rows) where T : class
    {
        var typed = FreeText.TypedProperties(EntityOf<T>(db));
        foreach (var row in rows)
        {
            FreeText.Mask(typed, row);
        }
    }

    /// <summary>The SQL path, once new rows have their keys: queues their audit entries and roll-ups in <paramref name="batch"/>.</summary>
    public static void QueueInserted<T>(CivicGridDbContext db, SqlBatch batch, IReadOnlyList<(T Row, AuditedBy By)> rows) where T : class
    {
        var entity = EntityOf<T>(db);
        if (entity.IsAudited())
        {
            var key = KeyOf(entity);
            batch.AddRows(AuditRows(db), rows.Select(r => AuditTrail.Entry(r.By, "create", typeof(T).Name, key(r.Row), null)));
        }
        RollUps.For(typeof(T))?.Queue(batch, rows.Select(r => new RowChange(null, r.Row)).ToList());
    }

    /// <summary>The SQL path, for rows changed by a statement: queues the change's audit entry in <paramref name="batch"/>.</summary>
    public static void QueueUpdated<T>(CivicGridDbContext db, SqlBatch batch, AuditedBy by, string key, string changedFields) where T : class
    {
        if (EntityOf<T>(db).IsAudited())
        {
            batch.AddRows(AuditRows(db), [AuditTrail.Entry(by, "update", typeof(T).Name, key, changedFields)]);
        }
    }

    /// <summary>The bulk path: follows rows as they stream to the engine, masking each, and audits them as one range when done.</summary>
    public static BulkRows Bulk<T>(CivicGridDbContext db, bool rolledUpByCaller) where T : class => new(db, EntityOf<T>(db), rolledUpByCaller);

    /// <summary>Rows written by the bulk path, seen one at a time so the write stays streaming.</summary>
    public sealed class BulkRows
    {
        private readonly CivicGridDbContext _db;
        private readonly IEntityType _entity;
        private readonly IReadOnlyList<IProperty> _typed;
        private readonly Func<object, string> _key;
        private readonly IRowRollUp? _rollUp;
        private readonly List<RowChange> _rolledUp = [];
        private string? _first;
        private string? _last;
        private int _count;

        internal BulkRows(CivicGridDbContext db, IEntityType entity, bool rolledUpByCaller)
        {
            _db = db;
            _entity = entity;
            _typed = FreeText.TypedProperties(entity);
            _key = KeyOf(entity);
            _rollUp = rolledUpByCaller ? null : RollUps.For(entity.ClrType);
        }

        public T Add<T>(T row) where T : class
        {
            FreeText.Mask(_typed, row);
            _first ??= _key(row);
            _last = _key(row);
            _count++;
            // Only a rolled-up entity keeps its rows until the end; seeding writes millions and rolls them up itself.
            if (_rollUp is not null)
            {
                _rolledUp.Add(new RowChange(null, row));
            }
            return row;
        }

        /// <summary>Writes the range's audit entry and the roll-ups, inside the bulk write's transaction.</summary>
        public Task CompleteAsync(CancellationToken ct)
        {
            var batch = new SqlBatch();
            if (_count > 0 && _entity.IsAudited())
            {
                var key = _count == 1 ? _first! : $"{_first}..{_last}";
                batch.AddRows(AuditRows(_db), [AuditTrail.Entry(AuditedBy.Current(_db), "create", _entity.ClrType.Name, key, $"rows={_count}")]);
            }
            _rollUp?.Queue(batch, _rolledUp);
            return batch.IsEmpty ? Task.CompletedTask : batch.ExecuteAsync(_db, ct);
        }
    }

    private static RowChange Change(EntityEntry e) =>
        new(e.State == EntityState.Added ? null : e.OriginalValues.ToObject(), e.State == EntityState.Deleted ? null : e.Entity);

    private static IEntityType EntityOf<T>(CivicGridDbContext db) =>
        db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");

    private static EntityRows AuditRows(CivicGridDbContext db) => EntityRows.Of<AuditEntry>(db.Model, withGeneratedKey: false);

    private static Func<object, string> KeyOf(IEntityType entity)
    {
        var getters = entity.FindPrimaryKey()!.Properties.Select(p => p.GetGetter()).ToList();
        return row => string.Join(',', getters.Select(g => Convert.ToString(g.GetClrValue(row), CultureInfo.InvariantCulture)));
    }
}
