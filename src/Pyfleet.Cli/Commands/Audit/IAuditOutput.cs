using Pyfleet.Core.Auditing;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary>
/// Where an audit goes, one environment at a time (a fleet audit is written as it is computed, never held whole):
/// per input <see cref="BeginInventory(string, string)"/>, its environments, <see cref="EndInventory"/>; then <see cref="End"/> once.
/// </summary>
internal interface IAuditOutput : IDisposable
{
    void BeginInventory(string path, string host);

    /// <summary>As <see cref="BeginInventory(string, string)"/>, for outputs that describe the host (its OS).</summary>
    void BeginInventory(string path, HostInfo host) => BeginInventory(path, host.Name);

    void Write(EnvironmentAudit environment);

    /// <summary>As <see cref="Write(EnvironmentAudit)"/>, with the inventory audited (for outputs listing every package).</summary>
    void Write(EnvironmentAudit environment, PythonEnvironment inventory) => Write(environment);

    void EndInventory(IReadOnlyList<string> warnings);

    void End(AuditSummary summary);
}
