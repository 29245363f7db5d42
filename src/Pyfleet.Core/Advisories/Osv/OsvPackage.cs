namespace Pyfleet.Core.Advisories.Osv;

/// <summary><c>affected[].package</c>: ecosystem (case-sensitive, <c>PyPI</c>, <c>Debian:12</c>), name, optional purl.</summary>
public sealed record OsvPackage
{
    public string? Ecosystem { get; init; }
    public string? Name { get; init; }
    public string? Purl { get; init; }
}
