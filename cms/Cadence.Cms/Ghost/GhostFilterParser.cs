namespace Cadence.Cms.Ghost;

/// <summary>
/// Reads a Ghost filter in two steps: a tokenizer that knows the punctuation, and a recursive descent over
/// <c>or := and (',' and)*</c>, <c>and := term ('+' term)*</c>, <c>term := '(' or ')' | field ':' op? value</c>,
/// <c>value := word | 'quoted' | '[' value (',' value)* ']'</c>, with <c>op</c> one of <c>- &gt; &gt;= &lt; &lt;=</c>.
/// As in Ghost, <c>+</c> binds tighter than <c>,</c>. Anything else stops with the position and text it could not read.
/// </summary>
public static class GhostFilterParser
{
    public const int MaxLength = 2000;

    private enum TokenKind { Word, Quoted, Colon, Operator, Plus, Comma, Open, Close, OpenList, CloseList, End }

    private readonly record struct Token(TokenKind Kind, string Text, int At);

    public static GhostFilter Parse(string text)
    {
        if (text.Length > MaxLength) throw new GhostFilterException($"The filter is longer than {MaxLength} characters.");
        var reader = new Reader(Tokenize(text));
        var filter = reader.Or();
        reader.Expect(TokenKind.End, "the end of the filter");
        return filter;
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var single = c switch
            {
                ':' => TokenKind.Colon,
                '+' => TokenKind.Plus,
                ',' => TokenKind.Comma,
                '(' => TokenKind.Open,
                ')' => TokenKind.Close,
                '[' => TokenKind.OpenList,
                ']' => TokenKind.CloseList,
                _ => (TokenKind?)null,
            };
            if (single is { } kind)
            {
                tokens.Add(new Token(kind, c.ToString(), i++));
                if (kind == TokenKind.Colon && OperatorAt(text, i) is { } op)
                {
                    tokens.Add(new Token(TokenKind.Operator, op, i));
                    i += op.Length;
                }
            }
            else if (c is '\'' or '"') i = ReadQuoted(text, i, tokens);
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i])) i++;
                tokens.Add(new Token(TokenKind.Word, text[start..i], start));
            }
            else throw new GhostFilterException($"'{c}' at position {i + 1} is not part of a filter Cadence understands.");
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    // Longest first, so '>=' is not read as '>' followed by '='.
    private static readonly string[] Operators = [">=", "<=", ">", "<", "-"];

    private static string? OperatorAt(string text, int i) =>
        Operators.FirstOrDefault(op => text.AsSpan(i).StartsWith(op, StringComparison.Ordinal));

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '#' or '@';

    private static int ReadQuoted(string text, int start, List<Token> tokens)
    {
        var quote = text[start];
        var value = new System.Text.StringBuilder();
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length) value.Append(text[++i]);
            else if (text[i] == quote)
            {
                tokens.Add(new Token(TokenKind.Quoted, value.ToString(), start));
                return i + 1;
            }
            else value.Append(text[i]);
        }
        throw new GhostFilterException($"The quote opened at position {start + 1} is never closed.");
    }

    private sealed class Reader(List<Token> tokens)
    {
        private int _next;

        private Token Peek => tokens[_next];

        public GhostFilter Or()
        {
            var filter = And();
            while (Accept(TokenKind.Comma)) filter = new GhostFilter.Either(filter, And());
            return filter;
        }

        private GhostFilter And()
        {
            var filter = Term();
            while (Accept(TokenKind.Plus)) filter = new GhostFilter.Both(filter, Term());
            return filter;
        }

        private GhostFilter Term()
        {
            if (Accept(TokenKind.Open))
            {
                var inner = Or();
                Expect(TokenKind.Close, "')'");
                return inner;
            }
            var field = Expect(TokenKind.Word, "a field name such as 'tag'");
            Expect(TokenKind.Colon, $"':' after '{field.Text}'");
            var op = Peek.Kind == TokenKind.Operator ? tokens[_next++].Text : null;
            var values = new List<string>();
            if (Accept(TokenKind.OpenList))
            {
                if (op is not null and not "-") throw Unexpected(tokens[_next - 1], $"one value after '{op}', not a list");
                do values.Add(Value()); while (Accept(TokenKind.Comma));
                Expect(TokenKind.CloseList, "',' or ']'");
            }
            else values.Add(Value());
            var @operator = op switch
            {
                null => FilterOperator.Is,
                "-" => FilterOperator.IsNot,
                ">" => FilterOperator.Above,
                ">=" => FilterOperator.AtLeast,
                "<" => FilterOperator.Below,
                _ => FilterOperator.AtMost,
            };
            return new GhostFilter.Condition(field.Text, @operator, values);
        }

        private string Value()
        {
            if (Peek.Kind is TokenKind.Word or TokenKind.Quoted) return tokens[_next++].Text;
            throw Unexpected(Peek, "a value");
        }

        private bool Accept(TokenKind kind)
        {
            if (Peek.Kind != kind) return false;
            _next++;
            return true;
        }

        public Token Expect(TokenKind kind, string what) => Peek.Kind == kind ? tokens[_next++] : throw Unexpected(Peek, what);

        private static GhostFilterException Unexpected(Token found, string what) => new(found.Kind == TokenKind.End
            ? $"The filter ends where it needs {what}."
            : $"Expected {what} at position {found.At + 1}, found '{found.Text}'.");
    }
}
