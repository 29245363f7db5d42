using Pyfleet.Core.Inventory;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary>One audit input: where it came from, the host it describes, and its environments (possibly read lazily).</summary>
internal sealed record AuditInput(string Path, HostInfo Host, IEnumerable<PythonEnvironment> Environments)
{
    /// <summary>What the environments are read from (a mapped file), released when the audit is done.</summary>
    public IDisposable? Resource { get; init; }

    public static AuditInput Of(string path, InventoryDocument document) => new(path, document.Host, document.Environments);
}
