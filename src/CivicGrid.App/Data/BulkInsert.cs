using CivicGrid.App.Data.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CivicGrid.App.Data;

/// <summary>
/// Inserts many entities by the engine's raw path (binary COPY, prepared inserts) instead of the change tracker,
/// with ids assigned here so related rows can be written in the same pass. Runs inside the caller's transaction;
/// one import holds the audit head, which serialises concurrent bulk writers.
/// </summary>
public sealed class BulkInsert(CivicGridDbContext db, IDatabaseProvider provider)
{
    /// <summary>The next free id of an entity's integer key.</summary>
    public async Task<int> NextIdAsync<T>(CancellationToken ct) where T : class
    {
        var key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties[0];
#pragma warning disable RS0030 // The data layer: the next key counts every row, whoever may see it.
        var max = await db.Set<T>().IgnoreQueryFilters().MaxAsync(e => (int?)EF.Property<int>(e, key.Name), ct);
#pragma warning restore RS0030
        return (max ?? 0) + 1;
    }

    /// <summary>Writes new rows under the write rules (<see cref="RowWrites"/>): masked, audited as one range, rolled up.</summary>
    public Task WriteAsync<T>(IEnumerable<T> entities, CancellationToken ct) where T : class => WriteAsync(entities, rolledUpByCaller: false, ct);

    /// <summary>Writes new rows whose roll-up the caller writes itself, in one pass over millions of seeded rows.</summary>
    public Task WriteRolledUpAsync<T>(IEnumerable<T> entities, CancellationToken ct) where T : class => WriteAsync(entities, rolledUpByCaller: true, ct);

    private async Task WriteAsync<T>(IEnumerable<T> entities, bool rolledUpByCaller, CancellationToken ct) where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T))!;
        var rows = EntityRows.Of<T>(db.Model, withGeneratedKey: true);
        var table = new BulkTable(rows.Table, rows.Columns);
        var written = RowWrites.Bulk<T>(db, rolledUpByCaller);
        await provider.BulkInsertAsync(Connection, Transaction, table, entities.Select(e => rows.ProviderValues(written.Add(e))), ct);
        var key = entityType.FindPrimaryKey()!.Properties[0];
        if (key.ValueGenerated != ValueGenerated.Never)
        {
            await provider.ResetIdentityAsync(Connection, Transaction, table.Name, key.GetColumnName(), ct);
        }
        await written.CompleteAsync(ct);
    }

    /// <summary>Writes the rows of a many-to-many join table given as (left id, right id) pairs.</summary>
    public Task WriteLinksAsync(string joinTable, IEnumerable<(int Left, int Right)> links, CancellationToken ct)
    {
        var join = db.Model.FindEntityType(joinTable)!;
        var columns = join.GetForeignKeys().OrderBy(fk => fk.PrincipalEntityType.ClrType.Name == "Resident" ? 0 : 1)
            .Select(fk => fk.Properties[0].GetColumnName()).ToList();
        return provider.BulkInsertAsync(Connection, Transaction, new BulkTable(join.GetTableName()!, columns),
            links.Select(l => new object?[] { l.Left, l.Right }), ct);
    }

    private System.Data.Common.DbConnection Connection => db.Database.GetDbConnection();

    private System.Data.Common.DbTransaction Transaction =>
        db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("A bulk insert must run inside a transaction.");
}
