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

    public async Task<ImportPlan> PlanAsync(TabularData data, List<ImportError> errors, CancellationToken ct)
    {
        var index = ImportHeaders.Map(Columns, data.Headers, errors);
        if (errors.Count > 0)
        {
            return ImportPlan.Nothing;
        }
        var rows = new List<(int, TRow)>(data.Rows.Count);
        var dataRows = 0;
        for (var i = 0; i < data.Rows.Count; i++)
        {
            var cells = data.Rows[i];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            dataRows++;
            var row = new ImportRow(i + 2, cells, index, errors);
            // A row with some bad cells is still checked against the database, so the user sees all its errors at once.
            var value = Parse(row);
            if (value is not null)
            {
                rows.Add((row.Number, value));
            }
        }
        return await PlanAsync(rows, errors, ct) with { Rows = dataRows };
    }
}

public interface IImporter
{
    ImportKind Kind { get; }
    IReadOnlyList<ImportColumn> Columns { get; }
    bool MayImport(StaffRole role);
    Task<ImportPlan> PlanAsync(TabularData data, List<ImportError> errors, CancellationToken ct);
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
