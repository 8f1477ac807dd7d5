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
    private readonly List<string> _statements = [];
    private readonly List<(object? Value, RelationalTypeMapping? Mapping)> _values = [];

    public bool IsEmpty => _statements.Count == 0;

    public void Add(string sql, params object[] values)
    {
        var offset = _values.Count;
        _statements.Add(Placeholder().Replace(sql, m => $"{{{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + offset}}}"));
        _values.AddRange(values.Select(v => ((object?)v, (RelationalTypeMapping?)null)));
    }

    /// <summary>Queues one INSERT of many rows of a table; <paramref name="returning"/> names columns to read back.</summary>
    public void AddRows(EntityRows rows, IEnumerable<object> entities, string? returning = null)
    {
        var text = new StringBuilder($"INSERT INTO \"{rows.Table}\" ({string.Join(", ", rows.Columns.Select(c => $"\"{c}\""))}) VALUES ");
        var first = true;
        foreach (var entity in entities)
        {
            text.Append(first ? "(" : ", (");
            first = false;
            var values = rows.Values(entity);
            for (var i = 0; i < values.Length; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}{{{_values.Count}}}");
                _values.Add((values[i], rows.Mappings[i]));
            }
            text.Append(')');
        }
        if (!first)
        {
            _statements.Add(returning is null ? text.ToString() : $"{text} RETURNING {returning}");
        }
    }

    public async Task ExecuteAsync(CivicGridDbContext db, CancellationToken ct)
    {
        if (IsEmpty)
        {
            return;
        }
        await using var command = Build(db);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Runs the batch and reads back the rows its RETURNING clause gives.</summary>
    public async Task<List<object[]>> QueryAsync(CivicGridDbContext db, CancellationToken ct)
    {
        await using var command = Build(db);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<object[]>();
        while (await reader.ReadAsync(ct))
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    private DbCommand Build(CivicGridDbContext db)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A batch runs inside the caller's transaction.");
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Placeholder().Replace(string.Join(";\n", _statements), m => $"@p{m.Groups[1].Value}");
        var source = db.GetService<IRelationalTypeMappingSource>();
        for (var i = 0; i < _values.Count; i++)
        {
            var (value, mapping) = _values[i];
            mapping ??= value is null ? null : source.FindMapping(value.GetType());
            command.Parameters.Add(mapping?.CreateParameter(command, $"@p{i}", value) ?? Null(command, i));
        }
        return command;
    }

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
