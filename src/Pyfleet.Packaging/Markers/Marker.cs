using System.Diagnostics.CodeAnalysis;
using Pyfleet.Packaging.Internal;
using Pyfleet.Packaging.Names;

namespace Pyfleet.Packaging.Markers;

/// <summary>A parsed PEP 508 environment marker expression.</summary>
/// <remarks>
/// Grammar and evaluation follow packaging 26.x (<c>markers.py</c>, <c>_parser.py</c>); evaluation is in
/// <c>Marker.Evaluation.cs</c>. Spec: https://packaging.python.org/en/latest/specifications/dependency-specifiers/#environment-markers
/// </remarks>
public sealed partial class Marker
{
    private readonly List<object> _markers;

    internal Marker(List<object> markers)
    {
        NormalizeExtraValues(markers);
        _markers = markers;
    }

    /// <summary>Parses a marker; throws <see cref="FormatException"/> with the column of the first error.</summary>
    public static Marker Parse(string text) =>
        TryParse(text, out var marker, out var error) ? marker : throw new FormatException(error);

    /// <summary>Parses without throwing; <paramref name="error"/> says what is wrong and at which column.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Marker? marker, out string? error)
    {
        marker = null;
        if (text is null)
        {
            error = "marker is null";
            return false;
        }

        try
        {
            marker = new Marker(MarkerParser.ParseFull(new Pep508Tokenizer(text)));
            error = null;
            return true;
        }
        catch (Pep508SyntaxException e)
        {
            error = $"Invalid marker: {e.Describe()}";
            return false;
        }
    }

    /// <summary>Canonical text (<c>python_version &lt; "3.8" and extra == "x"</c>).</summary>
    public override string ToString() => Format(_markers, first: true);

    /// <summary>Markers are equal when their canonical texts are (packaging's <c>Marker.__eq__</c>).</summary>
    public override bool Equals(object? obj) => obj is Marker other && other.ToString() == ToString();

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    // PEP 685 / PEP 735: a literal compared with `extra` (or tested for membership in `extras` /
    // `dependency_groups`) is normalised like a project name once, at parse time, at every nesting level;
    // a variable on the other side is left alone (packaging: test_extra_compared_to_variable_not_normalized).
    private static void NormalizeExtraValues(List<object> markers)
    {
        for (var i = 0; i < markers.Count; i++)
        {
            switch (markers[i])
            {
                case List<object> nested:
                    NormalizeExtraValues(nested);
                    break;
                case MarkerItem { LeftIsVariable: true, RightIsVariable: false } item when IsNameKey(item.Left, item.Op):
                    markers[i] = item with { Right = PackageName.Normalize(item.Right) };
                    break;
                case MarkerItem { LeftIsVariable: false, RightIsVariable: true } item when IsNameKey(item.Right, item.Op):
                    markers[i] = item with { Left = PackageName.Normalize(item.Left) };
                    break;
            }
        }
    }

    private static bool IsNameKey(string variable, string op) =>
        variable == "extra" || (variable is "extras" or "dependency_groups" && op is "in" or "not in");

    // packaging's _format_marker: a one-element list is printed as its element (so redundant parentheses vanish).
    private static string Format(object marker, bool first)
    {
        if (marker is List<object> { Count: 1 } single && single[0] is List<object> or MarkerItem)
        {
            // Keep the caller's position so a doubly parenthesised group still prints its parentheses.
            return Format(single[0], first);
        }

        return marker switch
        {
            List<object> list when first => string.Join(" ", list.Select(m => Format(m, first: false))),
            List<object> list => "(" + string.Join(" ", list.Select(m => Format(m, first: false))) + ")",
            MarkerItem item => $"{Serialize(item.LeftIsVariable, item.Left)} {item.Op} {Serialize(item.RightIsVariable, item.Right)}",
            _ => (string)marker,
        };
    }

    // packaging's Value.serialize: double quotes unless the value contains one.
    private static string Serialize(bool isVariable, string value) =>
        isVariable ? value : value.Contains('"', StringComparison.Ordinal) && !value.Contains('\'', StringComparison.Ordinal) ? $"'{value}'" : $"\"{value}\"";
}
