using CivicGrid.App.Data.Writes;
using CivicGrid.App.Audit;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Imports;

/// <summary>
/// Checks a file and, when asked and only when it has no error at all, writes it in one transaction. Large kinds
/// (residents) are read, checked and written <see cref="ChunkRows"/> rows at a time inside that transaction, so memory
/// stays bounded; an error in any chunk rolls back every chunk before it.
/// </summary>
public sealed record RunImport(ImportKind Kind, ITabularRows Data, bool Commit, string FileName)
{
    public int ChunkRows { get; init; } = 10_000;
}

public sealed class RunImportHandler(CivicGridDbContext db, IEnumerable<IImporter> importers, IDatabaseProvider provider)
{
    public async Task<Outcome<ImportReport>> HandleAsync(RunImport command, IProgress<int>? progress, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.ImportFiles))
        {
            return Outcome<ImportReport>.Forbidden("当前角色无权导入数据");
        }
        var importer = importers.FirstOrDefault(i => i.Kind == command.Kind);
        if (importer is null)
        {
            return Outcome<ImportReport>.Invalid("kind", $"{command.Kind} 不是表格导入的数据类型");
        }
        if (!importer.MayImport(db.Jurisdiction.Role))
        {
            return Outcome<ImportReport>.Forbidden("当前角色无权导入此类数据");
        }
        var errors = new List<ImportError>();
        if (!command.Commit)
        {
            var preview = await importer.RunAsync(command.Data, write: false, command.ChunkRows, errors, null, ct);
            // A plan may stage changes on tracked rows; a preview leaves none behind for a later save.
            db.ChangeTracker.Clear();
            return Outcome<ImportReport>.Ok(Report(command.Kind, preview, errors, committed: false));
        }
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            errors.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await provider.BeginBulkWorkAsync(db.Database.GetDbConnection(), Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(tx), ct);
            // Holding the audit head serialises imports with every other writer until commit.
            await AuditTrail.LockHeadAsync(db, ct);
            var plan = await importer.RunAsync(command.Data, write: true, command.ChunkRows, errors, progress, ct);
            if (errors.Count > 0)
            {
                // Chunks written before the first error are undone here.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return Outcome<ImportReport>.Ok(Report(command.Kind, plan, errors, committed: false));
            }
            AuditTrail.Record(db, "import", command.Kind.ToString(), Path.GetFileName(command.FileName),
                $"rows={plan.Rows},inserted={plan.Inserts},updated={plan.Updates},unchanged={plan.Unchanged}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<ImportReport>.Ok(Report(command.Kind, plan, errors, committed: true));
        });
    }

    private static ImportReport Report(ImportKind kind, ImportPlan plan, List<ImportError> errors, bool committed) =>
        new(kind, plan.Rows, errors.Count > 0 ? 0 : plan.Inserts, errors.Count > 0 ? 0 : plan.Updates, plan.Unchanged,
            errors.OrderBy(e => e.Row).ToList(), committed)
        {
            Passwords = committed ? plan.Issued : [],
        };
}
