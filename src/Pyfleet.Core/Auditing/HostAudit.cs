using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Auditing;

/// <summary>
/// The audit of one host's environments, handed to it one at a time (<see cref="Auditor.Begin"/>). Verdicts are
/// shared with every other host audited by the same <see cref="Auditor"/>.
/// </summary>
public sealed class HostAudit
{
    private readonly Auditor _auditor;
    private readonly string? _debianEcosystem;
    private readonly List<string> _warnings = [];
    private string? _missingDebianAdvisories;

    internal HostAudit(Auditor auditor, string? debianEcosystem, string? missingDebianAdvisories)
    {
        _auditor = auditor;
        _debianEcosystem = debianEcosystem;
        _missingDebianAdvisories = missingDebianAdvisories;
    }

    /// <summary>What was seen so far that the findings alone do not say (each once).</summary>
    public IReadOnlyList<string> Warnings => _warnings.Distinct().ToList();

    /// <summary>Audits one environment of the host.</summary>
    public EnvironmentAudit Audit(PythonEnvironment environment)
    {
        // Missing Debian advisories matter only where a dpkg-owned module is judged (not for a requirements file).
        if (_missingDebianAdvisories is not null && environment.Packages.Any(p => p.OsPackage is { Manager: "dpkg" }))
        {
            _warnings.Add(_missingDebianAdvisories);
            _missingDebianAdvisories = null;
        }

        return _auditor.AuditEnvironment(environment, _debianEcosystem, _warnings);
    }
}
