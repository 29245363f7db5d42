using System.Text;
using System.Text.Json;
using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Inventory;

/// <summary>
/// Reads one environment (with its packages) of the inventory contract from a <see cref="Utf8JsonReader"/>: by
/// hand, because it is the hot path of <c>audit</c> over fleet documents (the metadata-driven deserializer costs
/// ~25 ns per byte here, most of a 200,000-package audit). Property names are the camelCase contract that
/// <see cref="InventoryJson"/> writes; unknown properties are skipped (newer writers may add fields). Every
/// property of the records must be handled here: a round-trip test over all of them keeps this in step.
/// </summary>
internal sealed class InventoryElementReader(ReadOnlyMemory<byte> json, string? path, bool shareStrings)
{
    // Sharing costs a hash lookup per string (~40% of reading time) and saves an allocation per string.
    private readonly Utf8StringPool? _pool = shareStrings ? new() : null;
    private readonly char[] _nameBuffer = new char[32];

    /// <summary>Offset of the current reader's first byte in the whole document (readers are resumed on slices).</summary>
    public int BaseOffset { get; set; }

    public PythonEnvironment ReadEnvironment(ref Utf8JsonReader reader, int index)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error(ref reader, $"environments[{index}] must be an object");
        }

        string? environmentPath = null, kind = null;
        PythonRuntime? python = null;
        IReadOnlyList<string> labels = [];
        IReadOnlyList<InventoryPackage> packages = [], constraints = [];
        IReadOnlyList<InputError> errors = [];
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = PropertyName(ref reader);
            Next(ref reader);
            switch (name)
            {
                case "path": environmentPath = String(ref reader, $"environments[{index}].path", pooled: false); break;
                case "kind": kind = String(ref reader, $"environments[{index}].kind"); break;
                case "python": python = ReadPython(ref reader, index); break;
                case "labels": labels = Strings(ref reader, $"environments[{index}].labels"); break;
                case "packages": packages = Packages(ref reader, $"environments[{index}].packages"); break;
                case "constraints": constraints = Packages(ref reader, $"environments[{index}].constraints"); break;
                case "errors": errors = JsonSerializer.Deserialize(ref reader, InventoryJsonContext.Default.IReadOnlyListInputError) ?? []; break;
                default: reader.Skip(); break;
            }
        }

        return new PythonEnvironment
        {
            Path = environmentPath ?? throw Error(ref reader, $"environments[{index}]: \"path\" is required"),
            Kind = kind ?? throw Error(ref reader, $"environments[{index}]: \"kind\" is required"),
            Python = python,
            Labels = labels,
            Packages = packages,
            Constraints = constraints,
            Errors = errors,
        };
    }

    private PythonRuntime? ReadPython(ref Utf8JsonReader reader, int index)
    {
        var where = $"environments[{index}].python";
        if (!Opens(ref reader, JsonTokenType.StartObject, where, "an object or null"))
        {
            return null;
        }

        string? version = null, implementation = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = PropertyName(ref reader);
            Next(ref reader);
            switch (name)
            {
                case "version": version = String(ref reader, where + ".version"); break;
                case "implementation": implementation = String(ref reader, where + ".implementation"); break;
                default: reader.Skip(); break;
            }
        }

        return new PythonRuntime(version ?? throw Error(ref reader, $"{where}: \"version\" is required"), implementation ?? "cpython");
    }

    private IReadOnlyList<InventoryPackage> Packages(ref Utf8JsonReader reader, string where)
    {
        if (!Opens(ref reader, JsonTokenType.StartArray, where, "an array"))
        {
            return [];
        }

        var packages = new List<InventoryPackage>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            packages.Add(ReadPackage(ref reader, where, packages.Count));
        }

        return packages;
    }

    private InventoryPackage ReadPackage(ref Utf8JsonReader reader, string list, int index)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error(ref reader, $"{list}[{index}] must be an object");
        }

        string? name = null, displayName = null, version = null, installer = null, location = null, ecosystem = null, url = null,
            shadowedBy = null, channel = null, specifier = null, marker = null, origin = null;
        bool editable = false, inherited = false;
        bool? requested = null;
        OsPackageInfo? osPackage = null;
        IReadOnlyList<string> extras = [], hashes = [];
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var property = PropertyName(ref reader);
            Next(ref reader);
            switch (property)
            {
                case "name": name = String(ref reader, list, index, "name"); break;
                case "displayName": displayName = String(ref reader, list, index, "displayName"); break;
                case "version": version = String(ref reader, list, index, "version"); break;
                case "installer": installer = String(ref reader, list, index, "installer"); break;
                case "location": location = String(ref reader, list, index, "location", pooled: false); break;
                case "editable": editable = Boolean(ref reader, list, index, "editable") ?? throw Error(ref reader, $"{list}[{index}].editable must be true or false"); break;
                case "requested": requested = Boolean(ref reader, list, index, "requested"); break;
                case "ecosystem": ecosystem = String(ref reader, list, index, "ecosystem"); break;
                case "url": url = String(ref reader, list, index, "url", pooled: false); break;
                case "inherited": inherited = Boolean(ref reader, list, index, "inherited") ?? throw Error(ref reader, $"{list}[{index}].inherited must be true or false"); break;
                case "shadowedBy": shadowedBy = String(ref reader, list, index, "shadowedBy", pooled: false); break;
                case "osPackage": osPackage = ReadOsPackage(ref reader, $"{list}[{index}].osPackage"); break;
                case "channel": channel = String(ref reader, list, index, "channel"); break;
                case "specifier": specifier = String(ref reader, list, index, "specifier"); break;
                case "extras": extras = Strings(ref reader, $"{list}[{index}].extras"); break;
                case "marker": marker = String(ref reader, list, index, "marker"); break;
                case "hashes": hashes = Strings(ref reader, $"{list}[{index}].hashes", pooled: false); break;
                case "origin": origin = String(ref reader, list, index, "origin", pooled: false); break;
                default: reader.Skip(); break;
            }
        }

        return new InventoryPackage
        {
            // An unnamed URL or path requirement (pip knows the name only after building it) is "name": null with its "url".
            Name = name ?? (url is not null ? InventoryPackage.Unnamed : throw Error(ref reader, $"{list}[{index}]: \"name\" is required (it may be null only with a \"url\")")),
            DisplayName = displayName,
            Version = version,
            Installer = installer,
            Location = location,
            Editable = editable,
            Requested = requested,
            Ecosystem = ecosystem,
            Url = url,
            Inherited = inherited,
            ShadowedBy = shadowedBy,
            OsPackage = osPackage,
            Channel = channel,
            Specifier = specifier,
            Extras = extras,
            Marker = marker,
            Hashes = hashes,
            Origin = origin,
        };
    }

    private OsPackageInfo? ReadOsPackage(ref Utf8JsonReader reader, string where)
    {
        if (!Opens(ref reader, JsonTokenType.StartObject, where, "an object or null"))
        {
            return null;
        }

        string? manager = null, name = null, version = null, source = null, sourceVersion = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var property = PropertyName(ref reader);
            Next(ref reader);
            switch (property)
            {
                case "manager": manager = String(ref reader, where + ".manager"); break;
                case "name": name = String(ref reader, where + ".name"); break;
                case "version": version = String(ref reader, where + ".version"); break;
                case "source": source = String(ref reader, where + ".source"); break;
                case "sourceVersion": sourceVersion = String(ref reader, where + ".sourceVersion"); break;
                default: reader.Skip(); break;
            }
        }

        return manager is null || name is null || version is null
            ? throw Error(ref reader, $"{where}: \"manager\", \"name\" and \"version\" are required")
            : new OsPackageInfo(manager, name, version, source, sourceVersion);
    }

    private IReadOnlyList<string> Strings(ref Utf8JsonReader reader, string where, bool pooled = true)
    {
        if (!Opens(ref reader, JsonTokenType.StartArray, where, "an array of strings"))
        {
            return [];
        }

        List<string>? values = null;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            (values ??= []).Add(String(ref reader, where, pooled) ?? throw Error(ref reader, $"{where}: null is not a string"));
        }

        return values is null ? [] : values;
    }

    // The package form builds its location text only on error: it runs 20 times per package.
    private string? String(ref Utf8JsonReader reader, string list, int index, string property, bool pooled = true) =>
        reader.TokenType switch
        {
            JsonTokenType.String => pooled && _pool is not null ? _pool.Get(ref reader) : reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw Error(ref reader, $"{list}[{index}].{property} must be a string or null"),
        };

    private string? String(ref Utf8JsonReader reader, string where, bool pooled = true) =>
        reader.TokenType switch
        {
            JsonTokenType.String => pooled && _pool is not null ? _pool.Get(ref reader) : reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw Error(ref reader, $"{where} must be a string or null"),
        };

    private bool? Boolean(ref Utf8JsonReader reader, string list, int index, string property) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Null => null,
            _ => throw Error(ref reader, $"{list}[{index}].{property} must be true or false"),
        };

    // Property names are short ASCII: decoded into one reused buffer and matched by a span switch, no allocation.
    private ReadOnlySpan<char> PropertyName(ref Utf8JsonReader reader)
    {
        var utf8 = reader.ValueSpan;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && utf8.Length <= _nameBuffer.Length
            && System.Text.Ascii.ToUtf16(utf8, _nameBuffer, out var written) == System.Buffers.OperationStatus.Done)
        {
            return _nameBuffer.AsSpan(0, written);
        }

        return reader.GetString();
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType;
    }

    // False at a JSON null (the value is absent); the object or array opens here; anything else is an error.
    private bool Opens(ref Utf8JsonReader reader, JsonTokenType type, string where, string what)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        return reader.TokenType == type ? true : throw Error(ref reader, $"{where} must be {what}");
    }

    /// <summary>A <see cref="PyfleetException"/> at the current token: the file and the line it is on.</summary>
    public PyfleetException Error(ref Utf8JsonReader reader, string message)
    {
        var position = BaseOffset + (int)reader.TokenStartIndex;
        return new PyfleetException($"not an inventory document: {message}", path, LineAt(position));
    }

    /// <summary>The 1-based line of byte <paramref name="position"/>.</summary>
    public int LineAt(long position)
    {
        var span = json.Span;
        return span[..(int)Math.Min(position, span.Length)].Count((byte)'\n') + 1;
    }

    /// <summary>Decodes invalid UTF-8 the reader refused into a message without throwing again.</summary>
    public static string Describe(Exception exception) => exception is InvalidOperationException { InnerException: DecoderFallbackException }
        ? "a string is not valid UTF-8"
        : exception.Message;
}
