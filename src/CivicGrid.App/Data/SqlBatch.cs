using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Data;

/// <summary>
/// Statements written with EF's <c>{0}</c> placeholders, sent to the database as one command: one round trip for the
/// follow-up writes of a save. Only portable SQL goes in, which SQLite and PostgreSQL both accept.
/// </summary>
public sealed partial class SqlBatch
{
    private readonly List<string> _statements = [];
    private readonly List<object> _values = [];

    public bool IsEmpty => _statements.Count == 0;

    public void Add(string sql, params object[] values)
    {
        var offset = _values.Count;
        _statements.Add(Placeholder().Replace(sql, m => $"{{{int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + offset}}}"));
        _values.AddRange(values);
    }

    public Task ExecuteAsync(CivicGridDbContext db, CancellationToken ct) =>
#pragma warning disable EF1002 // the statements are constants of this assembly; values are parameters
        IsEmpty ? Task.CompletedTask : db.Database.ExecuteSqlRawAsync(string.Join(";\n", _statements), _values, ct);
#pragma warning restore EF1002

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
