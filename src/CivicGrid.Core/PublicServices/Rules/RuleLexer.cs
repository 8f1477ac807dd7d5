using System.Globalization;

namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>Splits rule text into tokens; a character it cannot read becomes an invalid token carrying the message.</summary>
internal static class RuleLexer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["and"] = TokenKind.And, ["且"] = TokenKind.And,
        ["or"] = TokenKind.Or, ["或"] = TokenKind.Or,
        ["not"] = TokenKind.Not, ["非"] = TokenKind.Not,
        ["in"] = TokenKind.In, ["true"] = TokenKind.True, ["false"] = TokenKind.False,
    };

    public static List<Token> Tokenize(string source)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < source.Length && char.IsWhiteSpace(source[i]))
            {
                i++;
            }
            if (i == source.Length)
            {
                tokens.Add(new Token(TokenKind.End, i, 0, ""));
                return tokens;
            }
            var token = Next(source, i);
            tokens.Add(token);
            i += token.Length;
        }
    }

    private static Token Next(string s, int i) => s[i] switch
    {
        '(' or '（' => new Token(TokenKind.LeftParen, i, 1, "("),
        ')' or '）' => new Token(TokenKind.RightParen, i, 1, ")"),
        ',' or '，' => new Token(TokenKind.Comma, i, 1, ","),
        '\'' => Text(s, i),
        '=' => new Token(TokenKind.Operator, i, 1, "="),
        '!' when At(s, i + 1) == '=' => new Token(TokenKind.Operator, i, 2, "!="),
        '<' or '>' => At(s, i + 1) == '=' ? new Token(TokenKind.Operator, i, 2, s.Substring(i, 2)) : new Token(TokenKind.Operator, i, 1, s[i].ToString()),
        '-' when char.IsAsciiDigit(At(s, i + 1)) => Integer(s, i),
        _ when char.IsAsciiDigit(s[i]) => Integer(s, i),
        '且' or '或' or '非' => new Token(Keywords[s[i].ToString()], i, 1, s[i].ToString()),
        _ when IsNameStart(s[i]) => Name(s, i),
        _ => new Token(TokenKind.Invalid, i, char.IsSurrogatePair(s, i) ? 2 : 1, $"无法识别的字符“{(char.IsSurrogatePair(s, i) ? s.Substring(i, 2) : s[i])}”"),
    };

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsNamePart(char c) => (IsNameStart(c) || char.IsAsciiDigit(c) || c == '.') && c is not ('且' or '或' or '非');

    private static Token Name(string s, int start)
    {
        var end = start + 1;
        while (end < s.Length && IsNamePart(s[end]))
        {
            end++;
        }
        var text = s[start..end];
        return new Token(Keywords.GetValueOrDefault(text, TokenKind.Name), start, end - start, text);
    }

    private static Token Integer(string s, int start)
    {
        var end = start + 1;
        while (end < s.Length && char.IsAsciiDigit(s[end]))
        {
            end++;
        }
        var digits = s[start..end];
        return int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? new Token(TokenKind.Integer, start, end - start, digits)
            : new Token(TokenKind.Invalid, start, end - start, $"整数“{digits}”超出范围");
    }

    /// <summary>A single-quoted string; a quote inside is written twice.</summary>
    private static Token Text(string s, int start)
    {
        var content = new System.Text.StringBuilder();
        var i = start + 1;
        while (i < s.Length)
        {
            if (s[i] != '\'')
            {
                content.Append(s[i++]);
            }
            else if (At(s, i + 1) == '\'')
            {
                content.Append('\'');
                i += 2;
            }
            else
            {
                return new Token(TokenKind.Text, start, i + 1 - start, content.ToString());
            }
        }
        return new Token(TokenKind.Invalid, start, s.Length - start, "字符串缺少结尾的单引号");
    }
}
