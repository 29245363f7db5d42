using Pyfleet.Core.Inventory;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary>One audit input: where it came from, the host it describes, and its environments (possibly read lazily).</summary>
internal sealed record AuditInput(string Path, HostInfo Host, IEnumerable<PythonEnvironment> Environments)
{
    public static AuditInput Of(string path, InventoryDocument document) => new(path, document.Host, document.Environments);
}
