namespace Pyfleet.Core.Inventory;

/// <summary>
/// One distribution, installed or declared. Installed packages fill the installation fields; declared ones the
/// requirement fields (specifier, extras, marker, hashes, origin). Unknown stays null, never guessed.
/// </summary>
public sealed record InventoryPackage
{
    /// <summary>The <see cref="Name"/> of an unnamed URL or path requirement (<c>https://…/pkg-0.9.zip</c>, <c>-e ./pkg</c>): written as JSON <c>null</c>.</summary>
    public const string Unnamed = "";

    /// <summary>
    /// PEP 503 normalised name; <see cref="Unnamed"/> (JSON <c>null</c>) for a URL or path requirement whose name is only
    /// known after building it, which then has its <see cref="Url"/>.
    /// </summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(Internal.UnnamedAsNullConverter))]
    public required string Name { get; init; }

    /// <summary>The name as the metadata or file spells it.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The installed version, or the exact pinned version of a declared requirement; null when not pinned.</summary>
    public string? Version { get; init; }

    // --- installed ---
    public string? Installer { get; init; }

    /// <summary>The metadata folder or file (<c>.dist-info</c>, <c>.egg-info</c>) that recorded this package.</summary>
    public string? Location { get; init; }

    public bool Editable { get; init; }

    /// <summary>A <c>.dist-info</c> with a <c>REQUESTED</c> file: installed because the user asked for it (null for other formats).</summary>
    public bool? Requested { get; init; }

    /// <summary>Null for Python distributions; <c>conda</c> for conda-only packages (native libraries, tools) seen in <c>conda-meta</c>.</summary>
    public string? Ecosystem { get; init; }

    /// <summary>PEP 610 direct URL or the declared URL requirement (credentials redacted).</summary>
    public string? Url { get; init; }

    /// <summary>Seen through <c>include-system-site-packages</c>, not installed in the environment itself.</summary>
    public bool Inherited { get; init; }

    /// <summary>The location of the copy that wins in <c>sys.path</c> order when this one is hidden by it.</summary>
    public string? ShadowedBy { get; init; }

    public OsPackageInfo? OsPackage { get; init; }

    /// <summary>conda channel, for packages recorded in <c>conda-meta</c>.</summary>
    public string? Channel { get; init; }

    // --- declared ---
    /// <summary>The full specifier set as written (<c>&gt;=2.8,&lt;3</c>), when any.</summary>
    public string? Specifier { get; init; }

    public IReadOnlyList<string> Extras { get; init; } = [];
    public string? Marker { get; init; }
    public IReadOnlyList<string> Hashes { get; init; } = [];

    /// <summary><c>file:line</c> where the requirement was declared.</summary>
    public string? Origin { get; init; }
}
