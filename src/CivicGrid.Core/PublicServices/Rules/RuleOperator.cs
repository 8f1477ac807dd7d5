namespace CivicGrid.Core.PublicServices.Rules;

public enum RuleOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
    NotIn,
}

public static class RuleOperators
{
    private static readonly string[] Symbols = ["=", "!=", "<", "<=", ">", ">=", "in", "not in"];

    public static string Symbol(this RuleOperator op) => Symbols[(int)op];

    public static bool IsList(this RuleOperator op) => op is RuleOperator.In or RuleOperator.NotIn;

    /// <summary>Whether the condition holds when the value is not among the listed ones.</summary>
    public static bool IsNegative(this RuleOperator op) => op is RuleOperator.NotEqual or RuleOperator.NotIn;

    /// <summary>The comparison the lexer read as an operator token.</summary>
    internal static RuleOperator FromSymbol(string symbol) => (RuleOperator)Array.IndexOf(Symbols, symbol, 0, 6);
}
