using System.Globalization;

namespace CivicGrid.Core.PublicServices.Rules;

public sealed partial class RuleParser
{
    private readonly record struct Comparison(RuleOperator Operator, Token OperatorToken, IReadOnlyList<Token> Literals);

    private RuleNode? ParseAtom()
    {
        var name = Peek();
        if (name.Kind != TokenKind.Name)
        {
            throw Syntax(name, name.Kind == TokenKind.End ? "规则不完整，此处应为条件" : "此处应为条件");
        }
        Advance();
        var field = RuleFields.Find(name.Value);
        if (field is null)
        {
            return UnknownName(name);
        }
        return field.Type switch
        {
            RuleFieldType.Tag => ParseTag(field),
            RuleFieldType.IntegerOnDate => CheckNumber(field, ParseDateArgument(), ParseComparison()),
            RuleFieldType.Integer => CheckNumber(field, null, ParseComparison()),
            RuleFieldType.Flag when !StartsComparison() => new FlagCondition(field.Key, true),
            RuleFieldType.Flag => CheckFlag(field, ParseComparison()),
            RuleFieldType.Choice => CheckChoice(field, ParseComparison()),
            _ => CheckCode(field, ParseComparison()),
        };
    }

    private RuleNode? UnknownName(Token name)
    {
        if (Peek().Kind == TokenKind.LeftParen)
        {
            throw Syntax(name, $"未知函数“{name.Value}”");
        }
        Report(name, $"未知字段“{name.Value}”");
        if (StartsComparison())
        {
            ParseComparison();
        }
        return null;
    }

    private bool StartsComparison() =>
        Peek().Kind is TokenKind.Operator or TokenKind.In || (Peek().Kind == TokenKind.Not && Peek(1).Kind == TokenKind.In);

    private Comparison ParseComparison()
    {
        var token = Peek();
        if (token.Kind == TokenKind.Operator)
        {
            Advance();
            return new Comparison(RuleOperators.FromSymbol(token.Value), token, [ParseLiteral()]);
        }
        if (token.Kind == TokenKind.In)
        {
            Advance();
            return new Comparison(RuleOperator.In, token, ParseList());
        }
        if (token.Kind == TokenKind.Not && Peek(1).Kind == TokenKind.In)
        {
            Advance();
            var last = Advance();
            var span = token with { Length = last.Start + last.Length - token.Start };
            return new Comparison(RuleOperator.NotIn, span, ParseList());
        }
        throw Syntax(token, "此处应为比较运算符");
    }

    private List<Token> ParseList()
    {
        Expect(TokenKind.LeftParen, "此处应为“(”");
        var literals = new List<Token> { ParseLiteral() };
        while (Accept(TokenKind.Comma))
        {
            literals.Add(ParseLiteral());
        }
        Expect(TokenKind.RightParen, "此处应为“,”或“)”");
        return literals;
    }

    private Token ParseLiteral() =>
        Peek().IsLiteral ? Advance() : throw Syntax(Peek(), "此处应为值：整数、'文字'、true 或 false");

    private Token ParseTextArgument(string message)
    {
        Expect(TokenKind.LeftParen, "此处应为“(”");
        var text = Peek().Kind == TokenKind.Text ? Advance() : throw Syntax(Peek(), message);
        Expect(TokenKind.RightParen, "此处应为“)”");
        return text;
    }

    /// <summary>The date of <c>age_on</c>, or null when it was reported as invalid.</summary>
    private DateOnly? ParseDateArgument()
    {
        var text = ParseTextArgument("此处应为日期，如 '2027-09-01'");
        if (DateOnly.TryParseExact(text.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Report(text, $"日期“{text.Value}”无效，应写作 'yyyy-MM-dd'");
        return null;
    }

    private TagCondition? ParseTag(RuleField field)
    {
        var tag = ParseTextArgument("此处应为标签名，如 '独居'");
        if (!_tagIds.TryGetValue(tag.Value, out var id))
        {
            Report(tag, $"未知标签“{tag.Value}”");
            return null;
        }
        if (id is < 1 or > MaxTagId)
        {
            Report(tag, $"标签“{tag.Value}”的编号为 {id}，规则只能使用编号 1 至 {MaxTagId} 的标签");
            return null;
        }
        return new TagCondition(tag.Value, field.Key == FieldKey.HouseholdHasTag);
    }
}
