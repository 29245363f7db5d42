using System.Text.Json;
using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Inventory;

/// <summary>
/// Reads an inventory document (the <see cref="InventoryJson"/> contract) from its UTF-8 bytes and hands out its
/// environments one at a time, so a fleet document is audited without being held as objects. <see cref="Open"/>
/// reads the header (schemaVersion, host, scannedAt, warnings) and checks the whole document's JSON syntax, so a
/// truncated or corrupt file fails before any output; each environment is then read when it is asked for, by
/// resuming the reader at the saved position. Malformed input is a <see cref="PyfleetException"/> with the file and
/// line, never a stack trace.
/// </summary>
public sealed class InventoryReader
{
    private readonly ReadOnlyMemory<byte> _json;
    private readonly string? _path;
    private readonly int _environmentsOffset;
    private readonly JsonReaderState _environmentsState;

    private InventoryReader(ReadOnlyMemory<byte> json, string? path, int environmentsOffset, JsonReaderState environmentsState,
        int schemaVersion, HostInfo host, DateTimeOffset scannedAt, IReadOnlyList<ScanWarning> warnings,
        IReadOnlyList<InputError> errors)
    {
        _json = json;
        _path = path;
        _environmentsOffset = environmentsOffset;
        _environmentsState = environmentsState;
        SchemaVersion = schemaVersion;
        Host = host;
        ScannedAt = scannedAt;
        Warnings = warnings;
        Errors = errors;
    }

    public int SchemaVersion { get; }
    public HostInfo Host { get; }
    public DateTimeOffset ScannedAt { get; }
    public IReadOnlyList<ScanWarning> Warnings { get; }
    public IReadOnlyList<InputError> Errors { get; }

    /// <summary>Reads the header of <paramref name="utf8Json"/> (a file's content; a UTF-8 BOM is allowed).</summary>
    public static InventoryReader Open(ReadOnlyMemory<byte> utf8Json, string? path = null)
    {
        var json = utf8Json.Span.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;
        var elements = new InventoryElementReader(json, path, shareStrings: false);
        var reader = new Utf8JsonReader(json.Span, isFinalBlock: true, state: default);
        try
        {
            return ReadHeader(ref reader, json, path, elements);
        }
        catch (JsonException ex)
        {
            throw new PyfleetException($"not an inventory document: {ex.Message}", path, ex.LineNumber is { } line ? (int)line + 1 : null, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new PyfleetException($"not an inventory document: {InventoryElementReader.Describe(ex)}", path, elements.LineAt(reader.TokenStartIndex), ex);
        }
    }

    /// <summary>The environments, one at a time, with strings made as <paramref name="strings"/> says.</summary>
    public IEnumerable<PythonEnvironment> ReadEnvironments(InventoryStrings strings) => ReadEnvironments(strings == InventoryStrings.Share);

    /// <summary>
    /// The environments, read one at a time as the caller moves on (each call starts again from the first). With
    /// <paramref name="shareStrings"/>, equal names, versions, installers… are one string each: for results that
    /// are kept (a fleet document held whole) or when the process does not collect garbage while it reads (the
    /// audit: no fresh memory per string); a pass that drops each environment under collections is faster without.
    /// </summary>
    public IEnumerable<PythonEnvironment> ReadEnvironments(bool shareStrings = false)
    {
        if (_environmentsOffset < 0)
        {
            yield break;
        }

        var cursor = new Cursor(this, shareStrings);
        while (cursor.TryRead(out var environment))
        {
            yield return environment;
        }
    }

    /// <summary>The whole document as objects.</summary>
    public InventoryDocument ReadDocument() => new()
    {
        SchemaVersion = SchemaVersion,
        Host = Host,
        ScannedAt = ScannedAt,
        Environments = ReadEnvironments(shareStrings: true).ToList(),
        Warnings = Warnings,
        Errors = Errors,
    };

    private static InventoryReader ReadHeader(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json, string? path, InventoryElementReader elements)
    {
        if (!reader.Read())
        {
            throw new PyfleetException("empty inventory document", path);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw elements.Error(ref reader, "the document must be a JSON object");
        }

        int? schemaVersion = null;
        HostInfo? host = null;
        DateTimeOffset? scannedAt = null;
        IReadOnlyList<ScanWarning> warnings = [];
        IReadOnlyList<InputError> errors = [];
        var environmentsOffset = -1;
        JsonReaderState environmentsState = default;
        var context = InventoryJsonContext.Default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "schemaVersion":
                    schemaVersion = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) ? number
                        : throw elements.Error(ref reader, "schemaVersion must be an integer");
                    break;
                case "host":
                    host = JsonSerializer.Deserialize(ref reader, context.HostInfo);
                    break;
                case "scannedAt":
                    scannedAt = JsonSerializer.Deserialize(ref reader, context.DateTimeOffset);
                    break;
                case "warnings":
                    warnings = JsonSerializer.Deserialize(ref reader, context.IReadOnlyListScanWarning) ?? [];
                    break;
                case "errors":
                    errors = JsonSerializer.Deserialize(ref reader, context.IReadOnlyListInputError) ?? [];
                    break;
                case "environments" when reader.TokenType == JsonTokenType.StartArray:
                    // Remember where the array's contents start, then check its syntax without building anything.
                    environmentsOffset = (int)reader.BytesConsumed;
                    environmentsState = reader.CurrentState;
                    reader.Skip();
                    break;
                case "environments" when reader.TokenType == JsonTokenType.Null:
                    break;
                case "environments":
                    throw elements.Error(ref reader, "environments must be an array");
                default:
                    reader.Skip();
                    break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw elements.Error(ref reader, "expected a property name");
        }

        if (reader.Read())
        {
            throw elements.Error(ref reader, "unexpected data after the document");
        }

        var version = schemaVersion ?? InventoryDocument.CurrentSchemaVersion;
        if (version != InventoryDocument.CurrentSchemaVersion)
        {
            throw new PyfleetException($"unsupported inventory schemaVersion {version} (this Pyfleet reads {InventoryDocument.CurrentSchemaVersion})", path);
        }

        return new InventoryReader(json, path, environmentsOffset, environmentsState, version,
            host ?? throw new PyfleetException("not an inventory document: \"host\" is required", path),
            scannedAt ?? throw new PyfleetException("not an inventory document: \"scannedAt\" is required", path),
            warnings,
            errors);
    }

    /// <summary>Resumes the reader at the saved position for each environment (a ref struct cannot live in an iterator).</summary>
    private sealed class Cursor(InventoryReader owner, bool shareStrings)
    {
        private readonly InventoryElementReader _elements = new(owner._json, owner._path, shareStrings);
        private int _offset = owner._environmentsOffset;
        private JsonReaderState _state = owner._environmentsState;
        private int _index;

        public bool TryRead(out PythonEnvironment environment)
        {
            var reader = new Utf8JsonReader(owner._json.Span[_offset..], isFinalBlock: true, _state);
            _elements.BaseOffset = _offset;
            try
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    environment = null!;
                    return false;
                }

                environment = _elements.ReadEnvironment(ref reader, _index++);
            }
            catch (JsonException ex)
            {
                throw new PyfleetException($"not an inventory document: {ex.Message}", owner._path, ex.LineNumber is { } line ? (int)line + 1 : null, ex);
            }
            catch (InvalidOperationException ex)
            {
                throw new PyfleetException($"not an inventory document: {InventoryElementReader.Describe(ex)}", owner._path,
                    _elements.LineAt(_offset + reader.TokenStartIndex), ex);
            }

            _offset += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            return true;
        }
    }
}
