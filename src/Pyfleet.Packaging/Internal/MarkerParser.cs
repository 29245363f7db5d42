namespace Pyfleet.Packaging.Internal;

/// <summary>One comparison of a marker: each side a variable or a quoted value, and an operator.</summary>
internal sealed record MarkerItem(bool LeftIsVariable, string Left, string Op, bool RightIsVariable, string Right);

/// <summary>
/// Recursive-descent marker parser following packaging's <c>_parser.py</c>. The result has packaging's shape:
/// a list of <see cref="MarkerItem"/>, nested lists (parentheses) and the strings <c>and</c>/<c>or</c>.
/// Spec: https://packaging.python.org/en/latest/specifications/dependency-specifiers/#grammar
/// </summary>
internal static class MarkerParser
{
    // Parentheses deeper than this are refused instead of risking a stack overflow on hostile input
    // (packaging itself would raise RecursionError far later).
    private const int MaxDepth = 100;

    public static List<object> ParseFull(Pep508Tokenizer tokenizer)
    {
        var marker = Parse(tokenizer);
        if (!tokenizer.AtEnd)
        {
            throw tokenizer.Error("Expected end of marker expression");
        }

        return marker;
    }

    // marker = marker_atom (BOOLOP marker_atom)*
    public static List<object> Parse(Pep508Tokenizer tokenizer) => Parse(tokenizer, 0);

    private static List<object> Parse(Pep508Tokenizer tokenizer, int depth)
    {
        var expression = new List<object> { ParseAtom(tokenizer, depth) };
        while (tokenizer.TryReadBoolOp() is { } boolOp)
        {
            expression.Add(boolOp);
            expression.Add(ParseAtom(tokenizer, depth));
        }

        return expression;
    }

    // marker_atom = WS? '(' WS? marker WS? ')' WS? | WS? marker_item WS?
    private static object ParseAtom(Pep508Tokenizer tokenizer, int depth)
    {
        tokenizer.ConsumeWhitespace();
        object atom;
        if (tokenizer.Peek('('))
        {
            var open = tokenizer.Position;
            if (depth >= MaxDepth)
            {
                throw tokenizer.Error($"Marker parentheses nested deeper than {MaxDepth}");
            }

            tokenizer.Advance(1);
            tokenizer.ConsumeWhitespace();
            atom = Parse(tokenizer, depth + 1);
            tokenizer.ConsumeWhitespace();
            if (!tokenizer.TryRead(')'))
            {
                throw tokenizer.Error("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression", open);
            }
        }
        else
        {
            atom = ParseItem(tokenizer);
        }

        tokenizer.ConsumeWhitespace();
        return atom;
    }

    // marker_item = WS? marker_var WS? marker_op WS? marker_var WS?
    private static MarkerItem ParseItem(Pep508Tokenizer tokenizer)
    {
        tokenizer.ConsumeWhitespace();
        var (leftIsVariable, left) = ParseVariable(tokenizer);
        tokenizer.ConsumeWhitespace();
        var op = ParseOperator(tokenizer);
        tokenizer.ConsumeWhitespace();
        var (rightIsVariable, right) = ParseVariable(tokenizer);
        tokenizer.ConsumeWhitespace();
        return new MarkerItem(leftIsVariable, left, op, rightIsVariable, right);
    }

    private static (bool IsVariable, string Value) ParseVariable(Pep508Tokenizer tokenizer)
    {
        if (tokenizer.TryReadVariable() is { } variable)
        {
            var name = variable.Replace('.', '_');
            return (true, name is "python_implementation" ? "platform_python_implementation" : name);
        }

        var start = tokenizer.Position;
        if (tokenizer.TryReadQuotedString() is { } raw)
        {
            if (!PythonStringLiteral.TryUnquote(raw, out var value))
            {
                throw tokenizer.Error("Invalid escape sequence in quoted string", start);
            }

            return (false, value);
        }

        throw tokenizer.Error("Expected a marker variable or quoted string");
    }

    // marker_op = IN | NOT WS IN | OP
    private static string ParseOperator(Pep508Tokenizer tokenizer)
    {
        if (tokenizer.MatchWord("in"))
        {
            tokenizer.Advance(2);
            return "in";
        }

        if (tokenizer.MatchWord("not"))
        {
            tokenizer.Advance(3);
            if (tokenizer.MatchWhitespace() == 0)
            {
                throw tokenizer.Error("Expected whitespace after 'not'");
            }

            tokenizer.ConsumeWhitespace();
            if (!tokenizer.MatchWord("in"))
            {
                throw tokenizer.Error("Expected 'in' after 'not'");
            }

            tokenizer.Advance(2);
            return "not in";
        }

        return tokenizer.TryReadOperator()
            ?? throw tokenizer.Error("Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in");
    }
}
