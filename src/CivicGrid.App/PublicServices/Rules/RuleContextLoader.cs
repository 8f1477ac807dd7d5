using CivicGrid.App.Data;
using CivicGrid.Core.PublicServices.Rules;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Rules;

/// <summary>What rules need from the database besides residents: the tag ids by name and the engine's SQL dialect.</summary>
public static class RuleContextLoader
{
    public static async Task<RuleContext> LoadAsync(CivicGridDbContext db, DateOnly today, CancellationToken ct)
    {
        var tags = await db.Tags.AsNoTracking().Select(t => new { t.Name, t.Id }).ToDictionaryAsync(t => t.Name, t => t.Id, StringComparer.Ordinal, ct);
        return new RuleContext(today, tags);
    }

    public static SqlDialect DialectOf(CivicGridDbContext db) =>
        db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? SqlDialect.Postgres : SqlDialect.Sqlite;
}
