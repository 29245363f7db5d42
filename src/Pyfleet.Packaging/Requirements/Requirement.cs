using System.Diagnostics.CodeAnalysis;
using Pyfleet.Packaging.Markers;
using Pyfleet.Packaging.Specifiers;

namespace Pyfleet.Packaging.Requirements;

/// <summary>A PEP 508 dependency specifier: <c>name[extras] specifiers ; marker</c> or <c>name[extras] @ url ; marker</c>.</summary>
public sealed class Requirement
{
    public static Requirement Parse(string text) => throw new NotImplementedException();

    /// <summary>Parses without throwing; <paramref name="error"/> says what is wrong and at which column.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Requirement? requirement, out string? error) => throw new NotImplementedException();

    /// <summary>The name as written.</summary>
    public string Name => throw new NotImplementedException();

    /// <summary>The PEP 503 normalised name.</summary>
    public string NormalizedName => throw new NotImplementedException();
    public IReadOnlyList<string> Extras => throw new NotImplementedException();
    public SpecifierSet Specifier => throw new NotImplementedException();
    public string? Url => throw new NotImplementedException();
    public Marker? Marker => throw new NotImplementedException();
    public override string ToString() => throw new NotImplementedException();
}
