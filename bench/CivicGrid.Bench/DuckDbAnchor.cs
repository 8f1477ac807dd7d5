using System.Data.Common;
using CivicGrid.Core.PublicServices.Rules;
using DuckDB.NET.Data;

namespace CivicGrid.Bench;

/// <summary>DuckDB in memory on the machine's two cores, holding the same facts as one flattened table.</summary>
internal sealed class DuckDbAnchor : IDisposable
{
    private readonly DuckDBConnection _connection = new("Data Source=:memory:");

    public DuckDbAnchor(ResidentFacts[] facts)
    {
        _connection.Open();
        Execute("SET threads TO 2");
        Execute("""
            CREATE TABLE facts (resident_id INTEGER, birth_day INTEGER, gender INTEGER, residence INTEGER, relation INTEGER,
              settled_day INTEGER, grid_code VARCHAR, tags UBIGINT, household_tags UBIGINT, household_size INTEGER,
              youngest_birth_day INTEGER, oldest_birth_day INTEGER)
            """);
        using var appender = _connection.CreateAppender("facts");
        foreach (var f in facts)
        {
            appender.CreateRow()
                .AppendValue(f.ResidentId).AppendValue(f.BirthDay).AppendValue((int)f.Gender).AppendValue((int)f.Residence)
                .AppendValue((int)f.Relation).AppendValue(f.SettledDay).AppendValue(f.GridCode).AppendValue(f.Tags)
                .AppendValue(f.HouseholdTags).AppendValue(f.HouseholdSize).AppendValue(f.YoungestBirthDay).AppendValue(f.OldestBirthDay)
                .EndRow();
        }
    }

    /// <summary>One scan counting every rule's residents.</summary>
    public long[] Count(IReadOnlyList<string> conditions)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", conditions.Select(c => $"COUNT(*) FILTER (WHERE {c})"))} FROM facts";
        using var reader = command.ExecuteReader();
        reader.Read();
        return [.. Enumerable.Range(0, conditions.Count).Select(reader.GetInt64)];
    }

    /// <summary>Every rule for one resident, found by id.</summary>
    public ulong Evaluate(IReadOnlyList<string> conditions, int residentId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", conditions.Select(c => $"({c})"))} FROM facts WHERE resident_id = $id";
        command.Parameters.Add(new DuckDBParameter("id", residentId));
        using var reader = command.ExecuteReader();
        reader.Read();
        ulong matched = 0;
        for (var i = 0; i < conditions.Count; i++)
        {
            matched |= reader.GetBoolean(i) ? 1UL << i : 0;
        }
        return matched;
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using DbCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
