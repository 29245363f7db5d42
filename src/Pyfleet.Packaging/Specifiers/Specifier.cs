using System.Diagnostics.CodeAnalysis;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Packaging.Specifiers;

/// <summary>One PEP 440 clause such as <c>~=2.2</c>, <c>==1.1.*</c>, <c>!=1.7</c>, <c>===foobar</c>.</summary>
public sealed class Specifier
{
    public static Specifier Parse(string text) => throw new NotImplementedException();
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Specifier? specifier) => throw new NotImplementedException();

    public SpecifierOperator Operator => throw new NotImplementedException();

    /// <summary>The version text after the operator, as written (includes <c>.*</c> for wildcards).</summary>
    public string VersionText => throw new NotImplementedException();

    public bool Contains(Pep440Version version, bool? prereleases = null) => throw new NotImplementedException();
    public override string ToString() => throw new NotImplementedException();
}
