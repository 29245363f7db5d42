using Pyfleet.Core.Auditing;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary>
/// Where an audit goes, one environment at a time (a fleet audit is written as it is computed, never held whole):
/// per input <see cref="BeginInventory"/>, its environments, <see cref="EndInventory"/>; then <see cref="End"/> once.
/// </summary>
internal interface IAuditOutput : IDisposable
{
    void BeginInventory(string path, string host);

    void Write(EnvironmentAudit environment);

    void EndInventory(IReadOnlyList<string> warnings);

    void End(AuditSummary summary);
}
