using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CivicGrid.App.Data;

/// <summary>
/// Statements written with <c>{0}</c> placeholders, sent to the database as one command: one round trip for the
/// follow-up writes of a save, or for a whole group of new rows. Only portable SQL goes in, which SQLite and
/// PostgreSQL both accept. Runs inside the caller's transaction.
/// </summary>
public sealed partial class SqlBatch
{
    /// <summary>
    /// The most parameters one command carries: below SQLite's limit of 32,766 (PostgreSQL's is 65,535). A larger batch
    /// goes as several commands in the same transaction.
    /// </summary>
    public const int MaxParameters = 30_000;

    private readonly List<Statement> _statements = [];
    private readonly List<(object? Value, RelationalTypeMapping? Mapping)> _values = [];

    public bool IsEmpty => _statements.Count == 0;

    public void Add(string sql, params object[] values)
    {
        var offset = _values.Count;
        _statements.Add(new(Placeholder().Replace(sql, m => $"{{{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + offset}}}"), offset));
        _values.AddRange(values.Select(v => ((object?)v, (RelationalTypeMapping?)null)));
    }

    /// <summary>Queues the INSERTs of many rows of a table; <paramref name="returning"/> names columns to read back.</summary>
    public void AddRows(EntityRows rows, IEnumerable<object> entities, string? returning = null)
    {
        foreach (var chunk in entities.Chunk(Math.Max(1, MaxParameters / rows.Columns.Count)))
        {
            AddInsert(rows, chunk, returning);
        }
    }

    private void AddInsert(EntityRows rows, object[] entities, string? returning)
    {
        var first = _values.Count;
        var text = new StringBuilder($"INSERT INTO \"{rows.Table}\" ({string.Join(", ", rows.Columns.Select(c => $"\"{c}\""))}) VALUES ");
        for (var row = 0; row < entities.Length; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            var values = rows.Values(entities[row]);
            for (var i = 0; i < values.Length; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}{{{_values.Count}}}");
                _values.Add((values[i], rows.Mappings[i]));
            }
            text.Append(')');
        }
        if (entities.Length > 0)
        {
            _statements.Add(new(returning is null ? text.ToString() : $"{text} RETURNING {returning}", first));
        }
    }

    public async Task ExecuteAsync(CivicGridDbContext db, CancellationToken ct)
    {
        foreach (var command in Commands(db))
        {
            await using (command)
            {
                await command.ExecuteNonQueryAsync(ct);
            }
        }
    }

    /// <summary>Runs the batch and reads back the rows its RETURNING clauses give.</summary>
    public async Task<List<object[]>> QueryAsync(CivicGridDbContext db, CancellationToken ct)
    {
        var rows = new List<object[]>();
        foreach (var command in Commands(db))
        {
            await using (command)
            {
                await using var reader = await command.ExecuteReaderAsync(ct);
                do
                {
                    while (await reader.ReadAsync(ct))
                    {
                        var row = new object[reader.FieldCount];
                        reader.GetValues(row);
                        rows.Add(row);
                    }
                }
                while (await reader.NextResultAsync(ct));
            }
        }
        return rows;
    }

    /// <summary>The statements in order, as few commands as the parameter limit allows.</summary>
    private IEnumerable<DbCommand> Commands(CivicGridDbContext db)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A batch runs inside the caller's transaction.");
        var source = db.GetService<IRelationalTypeMappingSource>();
        var start = 0;
        while (start < _statements.Count)
        {
            var end = start + 1;
            while (end < _statements.Count && ValuesEnd(end) - _statements[start].FirstValue <= MaxParameters)
            {
                end++;
            }
            yield return Command(transaction, source, start, end);
            start = end;
        }
    }

    private int ValuesEnd(int statement) => statement + 1 < _statements.Count ? _statements[statement + 1].FirstValue : _values.Count;

    private DbCommand Command(DbTransaction transaction, IRelationalTypeMappingSource source, int start, int end)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var first = _statements[start].FirstValue;
        var sql = string.Join(";\n", _statements.Skip(start).Take(end - start).Select(s => s.Sql));
        command.CommandText = Placeholder().Replace(sql, m => $"@p{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - first}");
        for (var i = first; i < ValuesEnd(end - 1); i++)
        {
            var (value, mapping) = _values[i];
            mapping ??= value is null ? null : source.FindMapping(value.GetType());
            command.Parameters.Add(mapping?.CreateParameter(command, $"@p{i - first}", value) ?? Null(command, i - first));
        }
        return command;
    }

    /// <summary>A statement whose placeholders number the batch's values from <paramref name="FirstValue"/> on.</summary>
    private readonly record struct Statement(string Sql, int FirstValue);

    private static DbParameter Null(DbCommand command, int index)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = $"@p{index}";
        parameter.Value = DBNull.Value;
        return parameter;
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
