using System.Text.Json;

namespace Pyfleet.Core.Reporting.Json;

/// <summary><c>scan --list-snapshots --format json</c>: <c>[{"id","host","scannedAt","environments","packages","warnings"}]</c>.</summary>
public sealed class SnapshotListJsonWriter : IReportWriter<IReadOnlyList<SnapshotListing>>
{
    public string Name => "json";

    public string Description => "the stored snapshots as a JSON array";

    public async Task WriteAsync(IReadOnlyList<SnapshotListing> report, Stream output, ReportOptions options, CancellationToken cancellationToken = default)
    {
        await using (var json = new Utf8JsonWriter(output, JsonWriters.Options(options.Indented)))
        {
            json.WriteStartArray();
            foreach (var s in report)
            {
                json.WriteStartObject();
                json.WriteNumber("id", s.Id);
                json.WriteString("host", s.Host);
                json.WriteString("scannedAt", s.ScannedAt.ToString("O"));
                json.WriteNumber("environments", s.Environments);
                json.WriteNumber("packages", s.Packages);
                json.WriteNumber("warnings", s.Warnings);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        await output.WriteAsync("\n"u8.ToArray(), cancellationToken);
    }
}
