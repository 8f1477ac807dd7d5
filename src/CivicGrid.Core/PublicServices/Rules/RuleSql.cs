namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>The SQL engines a rule translates for.</summary>
public enum SqlDialect
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A rule as a boolean SQL expression over a resident row aliased <c>r</c>; every value written in the rule is one
/// of <see cref="Parameters"/>, never part of the text.
/// </summary>
public sealed record RuleSql(string WhereSql, IReadOnlyList<(string Name, object Value)> Parameters);
