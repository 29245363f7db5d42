namespace Pyfleet.Core.Manifests.Requirements;

/// <summary>One requirement line of a requirements file (or of a file it includes), interpreted like pip does.</summary>
public sealed record RequirementsEntry
{
    /// <summary>The file the line is in.</summary>
    public required string Path { get; init; }

    /// <summary>1-based number of the line's first physical line.</summary>
    public required int Line { get; init; }

    /// <summary>The requirement text after continuation joining, comment stripping and <c>${VAR}</c> expansion.</summary>
    public required string Text { get; init; }

    /// <summary>Read from a <c>-c</c> constraints file.</summary>
    public bool IsConstraint { get; init; }

    /// <summary>An <c>-e</c> line.</summary>
    public bool IsEditable { get; init; }

    /// <summary>The project name as written, or null for an unnamed requirement (a bare path or URL).</summary>
    public string? Name { get; init; }

    /// <summary>PEP 503 normalised <see cref="Name"/>.</summary>
    public string? NormalizedName { get; init; }

    /// <summary>The specifier set (<c>&gt;=2,&lt;3</c>) or null.</summary>
    public string? Specifier { get; init; }

    /// <summary>The exact version when pinned with a single <c>==</c> (no wildcard) or <c>===</c>.</summary>
    public string? PinnedVersion { get; init; }

    public IReadOnlyList<string> Extras { get; init; } = [];

    public string? Marker { get; init; }

    /// <summary>The direct URL (credentials redacted), for URL, VCS and local requirements.</summary>
    public string? Url { get; init; }

    public RequirementSourceKind SourceKind { get; init; }

    /// <summary><c>algo:hexdigest</c> from the line's <c>--hash</c> options, in order.</summary>
    public IReadOnlyList<string> Hashes { get; init; } = [];

    /// <summary><c>--config-settings KEY=VALUE</c> pairs, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ConfigSettings { get; init; } = [];

    /// <summary><c>path:line</c>.</summary>
    public string Origin => $"{Path}:{Line}";
}
