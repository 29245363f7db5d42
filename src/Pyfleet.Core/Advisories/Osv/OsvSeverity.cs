namespace Pyfleet.Core.Advisories.Osv;

/// <summary>A severity entry: <c>CVSS_V3</c>/<c>CVSS_V4</c>/<c>CVSS_V2</c>/<c>Ubuntu</c> with a vector string as score.</summary>
public sealed record OsvSeverity
{
    public string? Type { get; init; }
    public string? Score { get; init; }
}
