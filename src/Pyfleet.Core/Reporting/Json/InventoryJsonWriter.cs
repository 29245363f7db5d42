using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Reporting.Json;

/// <summary><c>scan --format json</c>: the inventory document (schemaVersion 1), streamed.</summary>
public sealed class InventoryJsonWriter : IReportWriter<InventoryDocument>
{
    public string Name => "json";

    public string Description => "the inventory JSON document (schemaVersion 1)";

    public async Task WriteAsync(InventoryDocument report, Stream output, ReportOptions options, CancellationToken cancellationToken = default)
    {
        await InventoryJson.SerializeAsync(output, report, cancellationToken, indented: options.Indented);
        output.Write("\n"u8);
    }
}
