using System.Globalization;

namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>The type checks: each compares a field's type with the operator and the literals written after it.</summary>
public sealed partial class RuleParser
{
    private NumberCondition? CheckNumber(RuleField field, DateOnly? on, Comparison comparison)
    {
        var ok = field.Type != RuleFieldType.IntegerOnDate || on is not null;
        var values = new List<int>();
        foreach (var literal in comparison.Literals)
        {
            if (literal.Kind == TokenKind.Integer)
            {
                var value = int.Parse(literal.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                if (_draft && !field.CanHold(value))
                {
                    Report(literal, $"“{field.Label}”不可能是 {value}，应在 {field.Minimum} 到 {field.Maximum} 之间");
                    ok = false;
                }
                values.Add(value);
                continue;
            }
            Report(literal, $"“{field.Label}”应与整数比较");
            ok = false;
        }
        return ok ? new NumberCondition(new NumberOperand(field.Key, on), comparison.Operator, values) : null;
    }

    private ChoiceCondition? CheckChoice(RuleField field, Comparison comparison)
    {
        var ok = CheckOperator(field, comparison);
        var values = new List<int>();
        foreach (var literal in comparison.Literals)
        {
            var choice = literal.Kind == TokenKind.Text ? field.Choices.FirstOrDefault(c => c.Name == literal.Value) : null;
            if (choice is null)
            {
                Report(literal, $"“{field.Label}”只能是 {Alternatives(field.Values)}");
                ok = false;
                continue;
            }
            values.Add(choice.Number);
        }
        return ok ? new ChoiceCondition(field.Key, comparison.Operator, values) : null;
    }

    private TerritoryCondition? CheckCode(RuleField field, Comparison comparison)
    {
        var ok = CheckOperator(field, comparison);
        var codes = new List<string>();
        foreach (var literal in comparison.Literals)
        {
            if (literal.Kind != TokenKind.Text || literal.Value.Length != field.CodeLength || !literal.Value.All(char.IsAsciiDigit))
            {
                Report(literal, $"“{field.Label}”编码应为 {field.CodeLength} 位数字，写在单引号中");
                ok = false;
                continue;
            }
            codes.Add(literal.Value);
        }
        return ok ? new TerritoryCondition(field.Key, comparison.Operator, codes) : null;
    }

    private FlagCondition? CheckFlag(RuleField field, Comparison comparison)
    {
        var literal = comparison.Literals[0];
        var valid = field.Operators.Contains(comparison.Operator) && literal.Kind is TokenKind.True or TokenKind.False;
        if (!valid)
        {
            Report(comparison.Operator.IsList() ? comparison.OperatorToken : literal, $"“{field.Label}”只能单独使用，或用 = 、!= 与 true、false 比较");
            return null;
        }
        return new FlagCondition(field.Key, (literal.Kind == TokenKind.True) == (comparison.Operator == RuleOperator.Equal));
    }

    private bool CheckOperator(RuleField field, Comparison comparison)
    {
        if (field.Operators.Contains(comparison.Operator))
        {
            return true;
        }
        Report(comparison.OperatorToken, $"“{field.Label}”只能用 =、!=、in 或 not in 比较");
        return false;
    }

    /// <summary>'男' 或 '女'; '户籍'、'常住' 或 '流动'.</summary>
    private static string Alternatives(IReadOnlyList<string> values)
    {
        var quoted = values.Select(v => $"'{v}'").ToList();
        return quoted.Count == 1 ? quoted[0] : $"{string.Join("、", quoted.Take(quoted.Count - 1))} 或 {quoted[^1]}";
    }
}
