using Pyfleet.Core.Auditing;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary>
/// Passes an audit on to <paramref name="inner"/> and names every input that could not be checked on stderr too
/// (<c>error: path:line: message</c>), whatever the format: a pipeline that only sees exit 2 learns why.
/// </summary>
internal sealed class NotCheckedEcho(IAuditSink inner, TextWriter stderr) : IAuditSink
{
    public void BeginInventory(AuditInventoryHeader inventory) => inner.BeginInventory(inventory);

    public void Write(EnvironmentAudit environment, PythonEnvironment inventory)
    {
        foreach (var error in environment.Errors)
        {
            stderr.WriteLine($"error: {error}");
        }

        inner.Write(environment, inventory);
    }

    public void EndInventory(AuditInventoryOutcome outcome)
    {
        foreach (var error in outcome.Errors)
        {
            stderr.WriteLine($"error: {error}");
        }

        inner.EndInventory(outcome);
    }

    public void End(AuditSummary summary) => inner.End(summary);

    public void Dispose() => inner.Dispose();
}
