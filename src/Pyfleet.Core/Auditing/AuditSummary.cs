using Pyfleet.Core.Advisories.Cvss;

namespace Pyfleet.Core.Auditing;

/// <summary>
/// Running totals of an audit, added to one environment at a time (the environments themselves are not kept):
/// what the report's summary says and what decides the exit code.
/// </summary>
public sealed class AuditSummary
{
    private readonly SortedDictionary<SeverityRating, int> _bySeverity = new(Comparer<SeverityRating>.Create((a, b) => b.CompareTo(a)));
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public int Environments { get; private set; }

    /// <summary>Distinct (environment, package name) pairs with at least one open finding.</summary>
    public int VulnerablePackages { get; private set; }

    public int Findings { get; private set; }
    public int Suppressed { get; private set; }

    /// <summary>Open findings per severity, most severe first.</summary>
    public IReadOnlyDictionary<SeverityRating, int> BySeverity => _bySeverity;

    /// <summary>Counts <paramref name="environment"/> in.</summary>
    public void Add(EnvironmentAudit environment)
    {
        Environments++;
        _names.Clear();
        foreach (var package in environment.Packages)
        {
            Suppressed += package.Suppressed.Count;
            if (package.Vulnerabilities.Count == 0)
            {
                continue;
            }

            if (_names.Add(package.Name))
            {
                VulnerablePackages++;
            }

            Findings += package.Vulnerabilities.Count;
            foreach (var finding in package.Vulnerabilities)
            {
                _bySeverity[finding.Severity.Rating] = _bySeverity.GetValueOrDefault(finding.Severity.Rating) + 1;
            }
        }
    }

    /// <summary>
    /// True when an open finding is at or above <paramref name="threshold"/> (any finding when null); a finding of
    /// unknown severity meets every threshold: not knowing is not safe.
    /// </summary>
    public bool Fails(SeverityRating? threshold) =>
        _bySeverity.Any(s => s.Value > 0 && (threshold is null || s.Key == SeverityRating.Unknown || s.Key >= threshold));
}
