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

    public static Marker Parse(string text) =>
        TryParse(text, out var marker, out var error) ? marker : throw new FormatException(error);

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

    public override bool Equals(object? obj) => obj is Marker other && other.ToString() == ToString();

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    // PEP 685: the value compared with `extra` is normalised like a project name, once, at parse time.
    // (packaging 26.x does this for top-level comparisons only; the spec says every comparison.)
    private static void NormalizeExtraValues(List<object> markers)
    {
        for (var i = 0; i < markers.Count; i++)
        {
            switch (markers[i])
            {
                case List<object> nested:
                    NormalizeExtraValues(nested);
                    break;
                case MarkerItem { LeftIsVariable: true, Left: "extra" } item:
                    markers[i] = item with { RightIsVariable = false, Right = PackageName.Normalize(item.Right) };
                    break;
                case MarkerItem { RightIsVariable: true, Right: "extra" } item:
                    markers[i] = item with { LeftIsVariable = false, Left = PackageName.Normalize(item.Left) };
                    break;
            }
        }
    }

    // packaging's _format_marker: a one-element list is printed as its element (so redundant parentheses vanish).
    private static string Format(object marker, bool first)
    {
        if (marker is List<object> { Count: 1 } single && single[0] is List<object> or MarkerItem)
        {
            return Format(single[0], first: true);
        }

        return marker switch
        {
            List<object> list when first => string.Join(" ", list.Select(m => Format(m, first: false))),
            List<object> list => "(" + string.Join(" ", list.Select(m => Format(m, first: false))) + ")",
            MarkerItem item => $"{Serialize(item.LeftIsVariable, item.Left)} {item.Op} {Serialize(item.RightIsVariable, item.Right)}",
            _ => (string)marker,
        };
    }

    private static string Serialize(bool isVariable, string value) => isVariable ? value : $"\"{value}\"";
}
