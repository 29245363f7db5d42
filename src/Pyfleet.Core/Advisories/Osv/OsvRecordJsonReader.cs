using System.Text.Json;

namespace Pyfleet.Core.Advisories.Osv;

/// <summary>
/// Reads one OSV record (the snake_case JSON of <see cref="OsvJsonContext"/>) by hand: every audit loads every
/// stored record, and the metadata-driven deserializer took ten times the reader's own tokenizing time for it.
/// It gives what the source-generated deserializer gives — a test compares both on every real record, and one
/// fails if a property of the records is missing here: unknown properties are skipped, JSON null is null, a
/// missing <c>id</c> or a value of the wrong kind is a <see cref="JsonException"/>.
/// </summary>
internal static class OsvRecordJsonReader
{
    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The record in <paramref name="utf8Json"/>; throws <see cref="JsonException"/> when it is not one.</summary>
    public static OsvRecord Read(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, Options);
        if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
        {
            throw new JsonException("null OSV record");
        }

        var record = Record(ref reader);
        if (reader.Read())
        {
            throw new JsonException("unexpected content after the OSV record");
        }

        return record;
    }

    private static OsvRecord Record(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "an OSV record");
        string? schemaVersion = null, id = null, summary = null, details = null;
        DateTimeOffset modified = default;
        DateTimeOffset? published = null, withdrawn = null;
        IReadOnlyList<string>? aliases = null, upstream = null, related = null;
        IReadOnlyList<OsvSeverity>? severity = null;
        IReadOnlyList<OsvAffected>? affected = null;
        JsonElement? databaseSpecific = null;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "id"u8)) { id = String(ref reader); }
            else if (Is(ref reader, "modified"u8)) { modified = Date(ref reader) ?? throw new JsonException("modified must be a date, not null"); }
            else if (Is(ref reader, "published"u8)) { published = Date(ref reader); }
            else if (Is(ref reader, "withdrawn"u8)) { withdrawn = Date(ref reader); }
            else if (Is(ref reader, "aliases"u8)) { aliases = Strings(ref reader); }
            else if (Is(ref reader, "upstream"u8)) { upstream = Strings(ref reader); }
            else if (Is(ref reader, "related"u8)) { related = Strings(ref reader); }
            else if (Is(ref reader, "summary"u8)) { summary = String(ref reader); }
            else if (Is(ref reader, "details"u8)) { details = String(ref reader); }
            else if (Is(ref reader, "severity"u8)) { severity = Severities(ref reader); }
            else if (Is(ref reader, "affected"u8)) { affected = ArrayOf(ref reader, Affected); }
            else if (Is(ref reader, "database_specific"u8)) { databaseSpecific = Element(ref reader); }
            else if (Is(ref reader, "schema_version"u8)) { schemaVersion = String(ref reader); }
            else { Skip(ref reader); }
        }

        return new OsvRecord
        {
            SchemaVersion = schemaVersion,
            Id = id ?? throw new JsonException("an OSV record needs an id"),
            Modified = modified,
            Published = published,
            Withdrawn = withdrawn,
            Aliases = aliases,
            Upstream = upstream,
            Related = related,
            Summary = summary,
            Details = details,
            Severity = severity,
            Affected = affected,
            DatabaseSpecific = databaseSpecific,
        };
    }

    private static OsvAffected? Affected(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader, "an affected entry"))
        {
            return null;
        }

        OsvPackage? package = null;
        IReadOnlyList<OsvSeverity>? severity = null;
        IReadOnlyList<OsvRange>? ranges = null;
        IReadOnlyList<string>? versions = null;
        JsonElement? ecosystemSpecific = null, databaseSpecific = null;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "package"u8)) { package = Package(ref reader); }
            else if (Is(ref reader, "ranges"u8)) { ranges = ArrayOf(ref reader, Range); }
            else if (Is(ref reader, "versions"u8)) { versions = Strings(ref reader); }
            else if (Is(ref reader, "severity"u8)) { severity = Severities(ref reader); }
            else if (Is(ref reader, "ecosystem_specific"u8)) { ecosystemSpecific = Element(ref reader); }
            else if (Is(ref reader, "database_specific"u8)) { databaseSpecific = Element(ref reader); }
            else { Skip(ref reader); }
        }

        return new OsvAffected
        {
            Package = package,
            Severity = severity,
            Ranges = ranges,
            Versions = versions,
            EcosystemSpecific = ecosystemSpecific,
            DatabaseSpecific = databaseSpecific,
        };
    }

    private static OsvPackage? Package(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader, "a package"))
        {
            return null;
        }

        string? ecosystem = null, name = null, purl = null;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "ecosystem"u8)) { ecosystem = String(ref reader); }
            else if (Is(ref reader, "name"u8)) { name = String(ref reader); }
            else if (Is(ref reader, "purl"u8)) { purl = String(ref reader); }
            else { Skip(ref reader); }
        }

        return new OsvPackage { Ecosystem = ecosystem, Name = name, Purl = purl };
    }

    private static OsvRange? Range(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader, "a range"))
        {
            return null;
        }

        string? type = null, repo = null;
        IReadOnlyList<OsvEvent>? events = null;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "type"u8)) { type = String(ref reader); }
            else if (Is(ref reader, "events"u8)) { events = ArrayOf(ref reader, Event); }
            else if (Is(ref reader, "repo"u8)) { repo = String(ref reader); }
            else { Skip(ref reader); }
        }

        return new OsvRange { Type = type, Repo = repo, Events = events };
    }

    private static OsvEvent? Event(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader, "an event"))
        {
            return null;
        }

        string? introduced = null, fixedAt = null, lastAffected = null, limit = null;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "introduced"u8)) { introduced = String(ref reader); }
            else if (Is(ref reader, "fixed"u8)) { fixedAt = String(ref reader); }
            else if (Is(ref reader, "last_affected"u8)) { lastAffected = String(ref reader); }
            else if (Is(ref reader, "limit"u8)) { limit = String(ref reader); }
            else { Skip(ref reader); }
        }

        return new OsvEvent { Introduced = introduced, Fixed = fixedAt, LastAffected = lastAffected, Limit = limit };
    }

    private static IReadOnlyList<OsvSeverity>? Severities(ref Utf8JsonReader reader) => ArrayOf(ref reader, Severity);

    private static OsvSeverity? Severity(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader, "a severity"))
        {
            return null;
        }

        string? type = null, score = null;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "type"u8)) { type = String(ref reader); }
            else if (Is(ref reader, "score"u8)) { score = String(ref reader); }
            else { Skip(ref reader); }
        }

        return new OsvSeverity { Type = type, Score = score };
    }

    private delegate T? ElementReader<T>(ref Utf8JsonReader reader);

    // A JSON array of T (elements may be null, as the deserializer allows), or null.
    private static List<T>? ArrayOf<T>(ref Utf8JsonReader reader, ElementReader<T> element)
        where T : class
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartArray, "an array");
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(element(ref reader)!);
        }

        return items;
    }

    private static List<string>? Strings(ref Utf8JsonReader reader) => ArrayOf(ref reader, String);

    private static string? String(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"expected a string, found {reader.TokenType}"),
    };

    private static DateTimeOffset? Date(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.TryGetDateTimeOffset(out var value) ? value : throw new JsonException($"not an RFC 3339 date: '{reader.GetString()}'"),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"expected a date, found {reader.TokenType}"),
    };

    private static JsonElement? Element(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);

    // Moves to the next property's value; false at the end of the object.
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndObject)
        {
            return false;
        }

        return true;
    }

    // Compares the current property name, then moves to its value when it matches.
    private static bool Is(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        reader.Read();
        return true;
    }

    private static void Skip(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    // False at a JSON null (the object is absent); an object starts here; anything else is an error.
    private static bool StartObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        Expect(ref reader, JsonTokenType.StartObject, what);
        return true;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"expected {what}, found {reader.TokenType}");
        }
    }
}
