namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>
/// Reads rule text by recursive descent and checks it in the same pass. A syntax error stops the reading where
/// it occurs; a checking error (unknown field, wrong value, unknown tag) is recorded and reading goes on, so staff see
/// all of those at once.
/// </summary>
public sealed partial class RuleParser
{
    /// <summary>Tags map to bits of a 64-bit mask in <see cref="ResidentFacts"/>.</summary>
    public const int MaxTagId = 64;
    private const int MaxDepth = 64;

    /// <summary>The form's limit; the densest rule this long still fits SQLite's expression depth.</summary>
    public const int MaxDraftLength = 4000;

    private readonly string _source;
    private readonly List<Token> _tokens;
    private readonly IReadOnlyDictionary<string, int> _tagIds;
    private readonly bool _draft;
    private readonly List<RuleError> _errors = [];
    private int _position;
    private int _depth;

    private RuleParser(string source, IReadOnlyDictionary<string, int> tagIds, bool draft)
    {
        _source = source;
        _tokens = RuleLexer.Tokenize(source);
        _tagIds = tagIds;
        _draft = draft;
    }

    public static RuleParseResult Parse(string source, RuleContext context) => Parse(source, context.TagIds);

    /// <summary>
    /// Parses and checks <paramref name="source"/>; tag names are checked against <paramref name="tagIds"/>.
    /// A <paramref name="draft"/> (what staff are writing now) is also refused numbers its field cannot hold; stored
    /// rules are read without that check, so one saved before the limits keeps working.
    /// </summary>
    public static RuleParseResult Parse(string source, IReadOnlyDictionary<string, int> tagIds, bool draft = false)
    {
        if (draft && source?.Length > MaxDraftLength)
        {
            return RuleParseResult.Failure([new RuleError(MaxDraftLength, 0, $"规则文本不能超过 {MaxDraftLength} 个字符（现有 {source.Length} 个），请拆分或合并条件")]);
        }
        var parser = new RuleParser(source ?? "", tagIds, draft);
        try
        {
            var root = parser.ParseRule();
            return root is not null && parser._errors.Count == 0
                ? RuleParseResult.Success(new CheckedRule(root))
                : RuleParseResult.Failure(parser._errors);
        }
        catch (SyntaxError e)
        {
            parser._errors.Add(e.Error);
            return RuleParseResult.Failure(parser._errors);
        }
    }

    private RuleNode? ParseRule()
    {
        if (Peek().Kind == TokenKind.End)
        {
            throw Syntax(Peek(), "规则为空，请至少写一个条件");
        }
        var root = ParseOr();
        if (Peek().Kind != TokenKind.End)
        {
            throw Syntax(Peek(), "此处应为 and、or 或规则结束");
        }
        return root;
    }

    private RuleNode? ParseOr()
    {
        var items = new List<RuleNode?> { ParseAnd() };
        while (Accept(TokenKind.Or))
        {
            items.Add(ParseAnd());
        }
        return Combine(items, list => new AnyOf(list));
    }

    private RuleNode? ParseAnd()
    {
        var items = new List<RuleNode?> { ParseUnary() };
        while (Accept(TokenKind.And))
        {
            items.Add(ParseUnary());
        }
        return Combine(items, list => new AllOf(list));
    }

    private RuleNode? ParseUnary()
    {
        if (++_depth > MaxDepth)
        {
            throw Syntax(Peek(), "规则嵌套过深");
        }
        try
        {
            if (Accept(TokenKind.Not))
            {
                var operand = ParseUnary();
                return operand is null ? null : new NotRule(operand);
            }
            if (Accept(TokenKind.LeftParen))
            {
                var inner = ParseOr();
                Expect(TokenKind.RightParen, "此处应为“)”");
                return inner;
            }
            return ParseAtom();
        }
        finally
        {
            _depth--;
        }
    }

    private static RuleNode? Combine(List<RuleNode?> items, Func<IReadOnlyList<RuleNode>, RuleNode> combine)
    {
        if (items.Any(i => i is null))
        {
            return null;
        }
        return items.Count == 1 ? items[0] : combine(items.Select(i => i!).ToList());
    }

    private Token Peek(int ahead = 0)
    {
        var token = _tokens[Math.Min(_position + ahead, _tokens.Count - 1)];
        return token.Kind == TokenKind.Invalid && ahead == 0 ? throw Syntax(token, token.Value) : token;
    }

    private Token Advance()
    {
        var token = Peek();
        _position = Math.Min(_position + 1, _tokens.Count - 1);
        return token;
    }

    private bool Accept(TokenKind kind)
    {
        if (Peek().Kind != kind)
        {
            return false;
        }
        Advance();
        return true;
    }

    private Token Expect(TokenKind kind, string message) =>
        Peek().Kind == kind ? Advance() : throw Syntax(Peek(), message);

    private void Report(Token token, string message) => _errors.Add(new RuleError(token.Start, token.Length, message));

    private static SyntaxError Syntax(Token token, string message) => new(new RuleError(token.Start, token.Length, message));

    /// <summary>Unwinds the descent at the first syntax error; it never leaves the parser.</summary>
    private sealed class SyntaxError(RuleError error) : Exception(error.Message)
    {
        public RuleError Error { get; } = error;
    }
}
