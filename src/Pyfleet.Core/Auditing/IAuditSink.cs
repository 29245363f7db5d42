using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Auditing;

/// <summary>
/// Where an audit goes as it is computed, one environment at a time: per input <see cref="BeginInventory"/>, its
/// environments, <see cref="EndInventory"/>; then <see cref="End"/> once. Report formats implement it
/// (<c>Reporting/&lt;Format&gt;/</c>), and so do hosts that render (the CLI's table) or store (the server).
/// </summary>
public interface IAuditSink : IDisposable
{
    /// <summary>An input (a folder, a file, an inventory document, a snapshot) starts.</summary>
    void BeginInventory(AuditInventoryHeader inventory);

    /// <summary>One audited environment of the current input, with the inventory it was audited from (every package).</summary>
    void Write(EnvironmentAudit environment, PythonEnvironment inventory);

    /// <summary>The current input is done: what its audit warned about and what could not be checked.</summary>
    void EndInventory(AuditInventoryOutcome outcome);

    /// <summary>The run is done.</summary>
    void End(AuditSummary summary);
}
