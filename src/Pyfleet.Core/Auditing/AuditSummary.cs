using Pyfleet.Core.Advisories.Cvss;
using Pyfleet.Core.Collections;

namespace Pyfleet.Core.Auditing;

/// <summary>
/// Running totals of an audit, added to one environment at a time (the environments themselves are not kept):
/// what the report's summary says and what decides the exit code.
/// </summary>
public sealed class AuditSummary
{
    // Counts per rating, indexed by the enum's value (no generic collection over an enum: those are compiled at
    // run time on every start).
    private readonly int[] _bySeverity = new int[(int)SeverityRating.Critical + 1];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public int Environments { get; private set; }

    /// <summary>Distinct (environment, package name) pairs with at least one open finding.</summary>
    public int VulnerablePackages { get; private set; }

    public int Findings { get; private set; }
    public int Suppressed { get; private set; }

    /// <summary>Inputs (documents, files, environments) that could not be read or checked completely.</summary>
    public int NotChecked { get; private set; }

    /// <summary>Open findings per severity that has any, most severe first.</summary>
    public IReadOnlyList<SeverityCount> BySeverity
    {
        get
        {
            // A loop, not LINQ over int: value-type LINQ is compiled at run time on every start.
            var counts = new List<SeverityCount>();
            for (var i = _bySeverity.Length - 1; i >= 0; i--)
            {
                if (_bySeverity[i] > 0)
                {
                    counts.Add(new SeverityCount((SeverityRating)i, _bySeverity[i]));
                }
            }

            return counts;
        }
    }

    /// <summary>Counts <paramref name="environment"/> in.</summary>
    public void Add(EnvironmentAudit environment)
    {
        Environments++;
        if (environment.Errors.Count > 0)
        {
            NotChecked++;
        }

        _names.Clear();
        foreach (var package in ReadOnlyListSpan.Of(environment.Packages))
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
            foreach (var finding in ReadOnlyListSpan.Of(package.Vulnerabilities))
            {
                _bySeverity[(int)finding.Severity.Rating]++;
            }
        }
    }

    /// <summary>Counts an input whose own document could not be read or checked (its environments count apart).</summary>
    public void AddNotChecked() => NotChecked++;

    /// <summary>
    /// True when an open finding is at or above <paramref name="threshold"/> (any finding when null); a finding of
    /// unknown severity meets every threshold: not knowing is not safe.
    /// </summary>
    public bool Fails(SeverityRating? threshold) =>
        BySeverity.Any(s => threshold is null || s.Rating == SeverityRating.Unknown || s.Rating >= threshold);
}

/// <summary>How many open findings have one severity rating.</summary>
public sealed record SeverityCount(SeverityRating Rating, int Count);
