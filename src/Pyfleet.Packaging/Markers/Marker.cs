using System.Diagnostics.CodeAnalysis;

namespace Pyfleet.Packaging.Markers;

/// <summary>A parsed PEP 508 environment marker expression.</summary>
public sealed class Marker
{
    public static Marker Parse(string text) => throw new NotImplementedException();
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Marker? marker, out string? error) => throw new NotImplementedException();

    /// <summary>
    /// Evaluates the marker. <paramref name="extras"/> are the requested extras of the package the marker belongs to
    /// (<c>extra == "x"</c> is true when "x" is among them, both sides normalised).
    /// </summary>
    public bool Evaluate(MarkerEnvironment environment, IReadOnlyCollection<string>? extras = null) => throw new NotImplementedException();

    /// <summary>Canonical text (<c>python_version &lt; "3.8" and extra == "x"</c>).</summary>
    public override string ToString() => throw new NotImplementedException();
}
