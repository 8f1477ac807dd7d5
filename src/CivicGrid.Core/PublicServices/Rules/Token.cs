namespace CivicGrid.Core.PublicServices.Rules;

internal enum TokenKind
{
    Name,
    Integer,
    Text,
    LeftParen,
    RightParen,
    Comma,
    Operator,
    And,
    Or,
    Not,
    In,
    True,
    False,
    Invalid,
    End,
}

/// <summary>A token of rule text; <paramref name="Value"/> holds a string's content, an integer's digits or an invalid token's message.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, string Value)
{
    public bool IsLiteral => Kind is TokenKind.Integer or TokenKind.Text or TokenKind.True or TokenKind.False;
}
