using CivicGrid.Core.Access;

namespace CivicGrid.App.Imports;

/// <summary>Reads, checks and writes one kind of record. Planning finds every error before anything is written.</summary>
public abstract class Importer<TRow> : IImporter where TRow : class
{
    public abstract ImportKind Kind { get; }
    public abstract IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>Whether an account of this role may import this kind; record data is for the roles that manage people.</summary>
    public virtual bool MayImport(StaffRole role) => role.ManagesPeople();

    protected abstract TRow? Parse(ImportRow row);

    /// <summary>Checks the rows against each other and the database; adds errors; returns how to write them.</summary>
    protected abstract Task<ImportPlan> PlanAsync(IReadOnlyList<(int Row, TRow Value)> rows, List<ImportError> errors, CancellationToken ct);

    /// <summary>
    /// Rows checked and written together when the importer keeps its memory bounded; null (the default) reads the whole
    /// file, checks it, then writes it. A chunked importer carries what must hold across chunks (repeated keys) itself.
    /// </summary>
    protected virtual bool Chunked => false;

    /// <summary>Called before the first chunk of a run, so state carried across chunks starts empty.</summary>
    protected virtual void StartRun()
    {
    }

    public async Task<ImportPlan> RunAsync(ITabularRows data, bool write, int chunkRows, List<ImportError> errors, IProgress<int>? progress, CancellationToken ct)
    {
        var index = ImportHeaders.Map(Columns, data.Headers, errors);
        if (errors.Count > 0)
        {
            return ImportPlan.Nothing;
        }
        StartRun();
        var total = ImportPlan.Nothing;
        var dataRows = 0;
        var rows = new List<(int, TRow)>();
        var number = 1;
        foreach (var cells in data.ReadRows())
        {
            number++;
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            dataRows++;
            var row = new ImportRow(number, cells, index, errors);
            // A row with some bad cells is still checked against the database, so the user sees all its errors at once.
            if (Parse(row) is { } value)
            {
                rows.Add((row.Number, value));
            }
            if (Chunked && rows.Count >= chunkRows)
            {
                total = Add(total, await StepAsync(rows, write, errors, progress, ct));
                rows = [];
            }
        }
        total = Add(total, await StepAsync(rows, write, errors, progress, ct));
        return total with { Rows = dataRows };
    }

    /// <summary>Checks some rows and, while the run has found no error at all, writes them; after the first error it only checks.</summary>
    private async Task<ImportPlan> StepAsync(List<(int, TRow)> rows, bool write, List<ImportError> errors, IProgress<int>? progress, CancellationToken ct)
    {
        var plan = await PlanAsync(rows, errors, ct);
        if (write && errors.Count == 0)
        {
            await plan.ApplyAsync(progress, ct);
        }
        return plan;
    }

    private static ImportPlan Add(ImportPlan total, ImportPlan step) =>
        new(total.Rows + step.Rows, total.Inserts + step.Inserts, total.Updates + step.Updates, total.Unchanged + step.Unchanged, step.ApplyAsync)
        {
            Issued = [.. total.Issued, .. step.Issued],
        };
}

public interface IImporter
{
    ImportKind Kind { get; }
    IReadOnlyList<ImportColumn> Columns { get; }
    bool MayImport(StaffRole role);

    /// <summary>
    /// Checks every row, adding each problem to <paramref name="errors"/>; when <paramref name="write"/> is set, also writes
    /// inside the caller's transaction for as long as no error has been found (the caller rolls back when one is).
    /// </summary>
    Task<ImportPlan> RunAsync(ITabularRows data, bool write, int chunkRows, List<ImportError> errors, IProgress<int>? progress, CancellationToken ct);
}

/// <summary>The counts an import will reach and the write that reaches them.</summary>
public sealed record ImportPlan(int Rows, int Inserts, int Updates, int Unchanged, Func<IProgress<int>?, CancellationToken, Task> ApplyAsync)
{
    public static readonly ImportPlan Nothing = new(0, 0, 0, 0, (_, _) => Task.CompletedTask);

    /// <summary>Filled by <see cref="ApplyAsync"/> with the passwords of accounts it opens.</summary>
    public IReadOnlyList<IssuedPassword> Issued { get; init; } = [];
}

internal static class ImportHeaders
{
    /// <summary>Maps each column key to its index; a missing required column, an unknown or a repeated one is an error on row 1.</summary>
    public static Dictionary<string, int> Map(IReadOnlyList<ImportColumn> columns, IReadOnlyList<string> headers, List<ImportError> errors)
    {
        var index = new Dictionary<string, int>();
        if (headers.Count == 0)
        {
            errors.Add(new ImportError(1, "", "文件为空，缺少表头行"));
            return index;
        }
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim().TrimStart('\uFEFF');
            var column = columns.FirstOrDefault(c => c.Matches(header));
            if (column is null)
            {
                errors.Add(new ImportError(1, header, header.Length == 0 ? $"第{i + 1}列没有列名" : "无法识别的列名"));
            }
            else if (!index.TryAdd(column.Key, i))
            {
                errors.Add(new ImportError(1, header, "列名重复"));
            }
        }
        foreach (var missing in columns.Where(c => c.Required && !index.ContainsKey(c.Key)))
        {
            errors.Add(new ImportError(1, missing.Header, "缺少必填列"));
        }
        return index;
    }
}
