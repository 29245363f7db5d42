using Pyfleet.Core.Auditing;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Reporting.Internal;

/// <summary>Collects the audit into an <see cref="AuditDocument"/> and writes it in <see cref="End"/>.</summary>
internal sealed class AuditDocumentSink(Stream output, AuditRunHeader header, ReportOptions options, Action<AuditDocument, Stream> write) : IAuditSink
{
    private readonly List<AuditedInventory> _inventories = [];
    private List<AuditedEnvironment> _environments = [];
    private AuditInventoryHeader? _current;

    public void BeginInventory(AuditInventoryHeader inventory)
    {
        _current = inventory;
        _environments = [];
    }

    public void Write(EnvironmentAudit environment, PythonEnvironment inventory) => _environments.Add(new AuditedEnvironment(environment, inventory));

    public void EndInventory(AuditInventoryOutcome outcome) =>
        _inventories.Add(new AuditedInventory(_current!.Path, _current.Host, _environments, [.. outcome.Warnings, .. outcome.Errors.Select(e => $"not checked: {e}")]));

    public void End(AuditSummary summary)
    {
        write(
            new AuditDocument
            {
                AsOf = header.AsOf,
                Timestamp = options.GeneratedAt ?? DateTimeOffset.UtcNow,
                ToolVersion = options.ToolVersion,
                Inventories = _inventories,
                SourceRoot = options.SourceRoot,
            },
            output);
        output.Write("\n"u8);
        output.Flush();
    }

    public void Dispose()
    {
    }
}
