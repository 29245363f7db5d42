using System.Globalization;
using System.Net;
using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Http;

namespace Pyfleet.Core.Advisories.Sync;

/// <summary>
/// Incremental update through <c>&lt;ECOSYSTEM&gt;/modified_id.csv</c> (<c>&lt;ISO8601&gt;,&lt;id&gt;</c>, FORMATS.md §6.3).
/// The file is documented as newest first, but real copies are not strictly sorted (two 2024-10-09 lines swap
/// order in shared/data), so the whole file is read and every line newer than the cursor is fetched as
/// <c>&lt;ECOSYSTEM&gt;/&lt;ID&gt;.json</c>. Too many changes fall back to the full zip.
/// </summary>
public static class ModifiedIdUpdater
{
    /// <summary>More changed records than this and the full zip is cheaper.</summary>
    public const int MaxIncrementalRecords = 500;

    /// <summary>The records updated since <paramref name="cursor"/>, or null when the full zip should be downloaded instead.</summary>
    public static async Task<IncrementalUpdate?> TryUpdateAsync(ConditionalDownloader downloader, Uri zipUri, AdvisorySourceState previous,
        DateTimeOffset cursor, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!zipUri.AbsolutePath.EndsWith("/all.zip", StringComparison.Ordinal))
        {
            return null;
        }

        var csvUri = new Uri(zipUri, "modified_id.csv");
        string csv;
        using (var response = await downloader.SendAsync(csvUri, null, UrlRedactor.Redact(csvUri), cancellationToken))
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new PyfleetException($"HTTP {(int)response.StatusCode}", UrlRedactor.Redact(csvUri));
            }

            csv = await response.Content.ReadAsStringAsync(cancellationToken);
        }

        var changed = Parse(csv, UrlRedactor.Redact(csvUri)).Where(e => e.Modified > cursor).ToList();
        if (changed.Count > MaxIncrementalRecords)
        {
            return null;
        }

        var records = new List<OsvRecord>();
        var warnings = new List<AdvisoryWarning>();
        foreach (var (_, id) in changed)
        {
            var recordUri = new Uri(zipUri, Uri.EscapeDataString(id) + ".json");
            using var response = await downloader.SendAsync(recordUri, null, UrlRedactor.Redact(recordUri), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new PyfleetException($"HTTP {(int)response.StatusCode} for a record listed in modified_id.csv", UrlRedactor.Redact(recordUri));
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (OsvRecordReader.Read(bytes, UrlRedactor.Redact(recordUri), warnings) is { } record)
            {
                records.Add(record);
            }
        }

        var newCursor = changed.Count == 0 ? cursor : changed.Max(c => c.Modified);
        var state = previous with { SyncedAt = clock.GetUtcNow(), Cursor = newCursor };
        return new IncrementalUpdate(state, records, warnings);
    }

    /// <summary>Parses the CSV; a malformed line is an error naming its line number.</summary>
    public static IReadOnlyList<(DateTimeOffset Modified, string Id)> Parse(string csv, string source)
    {
        var result = new List<(DateTimeOffset, string)>();
        var lineNumber = 0;
        foreach (var raw in csv.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var comma = line.IndexOf(',');
            if (comma <= 0 || !DateTimeOffset.TryParse(line[..comma], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified))
            {
                throw new PyfleetException("expected '<timestamp>,<id>'", source, lineNumber);
            }

            var id = line[(comma + 1)..].Trim();
            var slash = id.LastIndexOf('/');
            result.Add((modified, slash >= 0 ? id[(slash + 1)..] : id)); // top-level file writes <ecosystem_dir>/<id>
        }

        return result;
    }
}
