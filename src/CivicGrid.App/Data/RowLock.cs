using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Data;

/// <summary>Row locks held until the current transaction ends, on every engine.</summary>
public static class RowLock
{
    /// <summary>
    /// Locks the row of <typeparamref name="TEntity"/> with key <paramref name="id"/> by a no-op update: PostgreSQL
    /// locks the row, SQLite takes the database's write lock; both hold it until commit, whichever node asked.
    /// </summary>
    public static async Task TakeAsync<TEntity>(CivicGridDbContext db, int id, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))!;
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName();
#pragma warning disable EF1002 // identifiers come from the model, not from input
        await db.Database.ExecuteSqlRawAsync($"UPDATE \"{entity.GetTableName()}\" SET \"{key}\" = \"{key}\" WHERE \"{key}\" = {{0}}", [id], ct);
#pragma warning restore EF1002
    }
}
