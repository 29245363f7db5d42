using System.Text.Json;

namespace Pyfleet.Core.Advisories.Osv;

/// <summary>
/// Parses one OSV JSON document tolerantly, like pip-audit's <c>_service/osv.py</c>: an unknown schema major or a
/// missing <c>affected</c> is a warning and the record is skipped; malformed JSON is a warning naming the line.
/// </summary>
public static class OsvRecordReader
{
    /// <summary>The schema major this reader understands (1.x; minors only add fields).</summary>
    public const int SupportedSchemaMajor = 1;

    /// <summary>Reads <paramref name="utf8Json"/>; returns null and adds a warning when the record cannot be used.</summary>
    public static OsvRecord? Read(ReadOnlySpan<byte> utf8Json, string source, ICollection<AdvisoryWarning> warnings)
    {
        OsvRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(utf8Json, OsvJsonContext.Default.OsvRecord);
        }
        catch (JsonException ex)
        {
            warnings.Add(new AdvisoryWarning(source, $"line {(ex.LineNumber ?? 0) + 1}: not an OSV record: {ex.Message}"));
            return null;
        }

        return Validate(record, source, warnings);
    }

    /// <summary>Applies the tolerance rules to an already deserialised record.</summary>
    public static OsvRecord? Validate(OsvRecord? record, string source, ICollection<AdvisoryWarning> warnings)
    {
        if (record is null || string.IsNullOrWhiteSpace(record.Id))
        {
            warnings.Add(new AdvisoryWarning(source, "record without an id skipped"));
            return null;
        }

        if (!IsSupportedSchema(record.SchemaVersion))
        {
            warnings.Add(new AdvisoryWarning(source, $"{record.Id}: unsupported schema_version {record.SchemaVersion} skipped"));
            return null;
        }

        if (record.Affected is null || record.Affected.Count == 0)
        {
            // Withdrawn records may legitimately drop affected; keep them (they are never reported).
            if (record.Withdrawn is null)
            {
                warnings.Add(new AdvisoryWarning(source, $"{record.Id}: no 'affected' entries, skipped"));
                return null;
            }
        }

        return record;
    }

    private static bool IsSupportedSchema(string? schemaVersion)
    {
        if (string.IsNullOrEmpty(schemaVersion))
        {
            return true;
        }

        var dot = schemaVersion.IndexOf('.');
        var major = dot < 0 ? schemaVersion : schemaVersion[..dot];
        return int.TryParse(major, out var value) && value == SupportedSchemaMajor;
    }
}
