using System.Text;

namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>
/// Translates a checked rule, folded for one date, into SQL over "Residents" r. Household facts are correlated
/// subqueries over the active members of r's household, or r alone when it has none, exactly as
/// <see cref="ResidentFacts"/> defines them.
/// </summary>
public static class RuleSqlTranslator
{
    private const string Household = """(SELECT {0} FROM "Residents" m WHERE m."HouseholdId" = r."HouseholdId" AND m."DepartedOn" IS NULL)""";
    // An id list rather than EXISTS: beside other terms under OR, SQLite then reads each term by its own index (the tag's
    // members, a birth-date range) instead of probing every resident for every tag.
    private const string OwnTag = """r."Id" IN (SELECT t."ResidentsId" FROM "ResidentTags" t WHERE t."TagsId" = {0})""";
    private const string MemberTag = """EXISTS (SELECT 1 FROM "ResidentTags" t JOIN "Residents" m ON m."Id" = t."ResidentsId" WHERE t."TagsId" = {0} AND m."HouseholdId" = r."HouseholdId" AND m."DepartedOn" IS NULL)""";

    /// <param name="parameterPrefix">Parameters are named @prefix0, @prefix1 …; give each rule its own prefix to combine several in one statement.</param>
    public static RuleSql Translate(CheckedRule rule, RuleContext context, SqlDialect dialect, string parameterPrefix = "r")
    {
        if (parameterPrefix.Length == 0 || !char.IsAsciiLetter(parameterPrefix[0]) || !parameterPrefix.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException("A parameter prefix is a letter followed by letters, digits or underscores.", nameof(parameterPrefix));
        }
        var writer = new Writer(dialect, parameterPrefix);
        writer.Write(RuleFolding.Fold(rule.Root, context));
        return new RuleSql(writer.Sql.ToString(), writer.Parameters);
    }

    private sealed class Writer(SqlDialect dialect, string prefix)
    {
        public StringBuilder Sql { get; } = new();
        public List<(string Name, object Value)> Parameters { get; } = [];

        public void Write(FactTest test)
        {
            switch (test)
            {
                case ConstantTest c: Sql.Append(Constant(c.Value)); break;
                case AllTests all: Join(all.Items, " AND "); break;
                case AnyTests any: Join(any.Items, " OR "); break;
                case NotTest not: Sql.Append("NOT "); Parenthesised(not.Operand); break;
                case DayTest d: Day(d); break;
                case ChoiceTest c: Among(ChoiceColumn(c.Field), c.Values.Cast<object>().ToList()); break;
                case CodeTest c: Among(CodeColumn(c.Length), c.Codes); break;
                case SizeTest s: Sql.Append($"{HouseholdOrOwn("COUNT(*)", "1")} {s.Operator.Symbol()} {Parameter(s.Value)}"); break;
                case TagTest t: Tag(t); break;
                default: throw new ArgumentOutOfRangeException(nameof(test), test, "Unknown folded test.");
            }
        }

        private string Constant(bool value) => dialect == SqlDialect.Postgres ? (value ? "TRUE" : "FALSE") : (value ? "1" : "0");

        private void Join(IReadOnlyList<FactTest> items, string separator)
        {
            Sql.Append('(');
            for (var i = 0; i < items.Count; i++)
            {
                Sql.Append(i == 0 ? "" : separator);
                Write(items[i]);
            }
            Sql.Append(')');
        }

        private void Parenthesised(FactTest test)
        {
            Sql.Append('(');
            Write(test);
            Sql.Append(')');
        }

        private void Day(DayTest d)
        {
            var column = DayColumn(d.Fact);
            if (!d.HasLowerBound)
            {
                Sql.Append($"{column} <= {Parameter(DateOnly.FromDayNumber(d.OnOrBefore))}");
            }
            else if (!d.HasUpperBound)
            {
                Sql.Append($"{column} > {Parameter(DateOnly.FromDayNumber(d.After))}");
            }
            else
            {
                Sql.Append($"{column} BETWEEN {Parameter(DateOnly.FromDayNumber(d.After + 1))} AND {Parameter(DateOnly.FromDayNumber(d.OnOrBefore))}");
            }
        }

        private void Among<T>(string column, IReadOnlyList<T> values) where T : notnull
        {
            Sql.Append(values.Count == 1
                ? $"{column} = {Parameter(values[0])}"
                : $"{column} IN ({string.Join(", ", values.Select(v => Parameter(v)))})");
        }

        private void Tag(TagTest t)
        {
            var id = Parameter(t.TagId);
            var own = string.Format(System.Globalization.CultureInfo.InvariantCulture, OwnTag, id);
            Sql.Append(t.Household
                ? $"""({string.Format(System.Globalization.CultureInfo.InvariantCulture, MemberTag, id)} OR (r."HouseholdId" IS NULL AND {own}))"""
                : own);
        }

        private string Parameter(object value)
        {
            var name = $"@{prefix}{Parameters.Count}";
            Parameters.Add((name, value));
            return name;
        }

        private static string DayColumn(DayFact fact) => fact switch
        {
            DayFact.Birth => "r.\"BirthDate\"",
            DayFact.Settled => "COALESCE(r.\"MoveInDate\", r.\"BirthDate\")",
            DayFact.YoungestBirth => HouseholdOrOwn("MAX(m.\"BirthDate\")", "r.\"BirthDate\""),
            _ => HouseholdOrOwn("MIN(m.\"BirthDate\")", "r.\"BirthDate\""),
        };

        private static string HouseholdOrOwn(string aggregate, string own) =>
            $"(CASE WHEN r.\"HouseholdId\" IS NULL THEN {own} ELSE {string.Format(System.Globalization.CultureInfo.InvariantCulture, Household, aggregate)} END)";

        private static string ChoiceColumn(FieldKey field) => field switch
        {
            FieldKey.Gender => "r.\"Gender\"",
            FieldKey.Residence => "r.\"ResidenceType\"",
            _ => "r.\"Relation\"",
        };

        private static string CodeColumn(int length) =>
            length == Territory.TerritoryCode.LengthOf(Territory.TerritoryLevel.Grid) ? "r.\"GridCode\"" : $"substr(r.\"GridCode\", 1, {length})";
    }
}
