namespace Pyfleet.Core.IO;

/// <summary>
/// How much of an untrusted input Pyfleet reads: one set of bounds for the scanner's readers and for what the
/// server accepts from agents, so a hostile file or document gets a clear error instead of a crash, a hang or
/// unbounded memory (issue 17). Every limit is configurable (<c>[limits]</c> in <c>config.toml</c>).
/// </summary>
public sealed record InputLimits
{
    /// <summary>The defaults: well above every real file seen (a 10 MB <c>uv.lock</c>), far below what hurts.</summary>
    public static InputLimits Default { get; } = new();

    /// <summary>Largest manifest (requirements, lock, pyproject, setup.cfg, buildout) read, in bytes; also each <c>-r</c>/<c>-c</c> include.</summary>
    public long MaxManifestBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Most lines read from one requirements file (each include counts on its own).</summary>
    public int MaxManifestLines { get; init; } = 200_000;

    /// <summary>Longest logical line (after continuations) of a requirements file, in characters.</summary>
    public int MaxLineLength { get; init; } = 64 * 1024;

    /// <summary>Bytes of a core-metadata header (<c>METADATA</c>, <c>PKG-INFO</c>) read before giving up on Name/Version.</summary>
    public int MaxMetadataHeaderBytes { get; init; } = 64 * 1024;

    /// <summary>Largest small side file read whole (<c>pyvenv.cfg</c>, <c>direct_url.json</c>, <c>.pth</c>, conda-meta records).</summary>
    public int MaxSmallFileBytes { get; init; } = 1024 * 1024;

    /// <summary>Deepest nesting of arrays/tables/objects/parentheses any recursive reader accepts (TOML, JSON, YAML, markers).</summary>
    public int MaxNestingDepth { get; init; } = 128;

    /// <summary>Largest inventory document (JSON) accepted, in bytes (the server's request limit).</summary>
    public long MaxDocumentBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Most packages one environment may list (a declared manifest, an accepted inventory document).</summary>
    public int MaxPackagesPerEnvironment { get; init; } = 100_000;

    /// <summary>
    /// The limits with <c>[limits]</c> from config (or <c>PYFLEET_LIMITS_*</c>) applied: <c>max-manifest-bytes</c>,
    /// <c>max-line-length</c>, <c>max-metadata-header-bytes</c>, <c>max-small-file-bytes</c>, <c>max-nesting-depth</c>,
    /// <c>max-document-bytes</c>, <c>max-packages-per-environment</c>. A value that is not a positive integer is an error.
    /// </summary>
    public static InputLimits From(Configuration.PyfleetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = Default;
        return new InputLimits
        {
            MaxManifestBytes = Positive(config, "limits.max-manifest-bytes", d.MaxManifestBytes, long.MaxValue),
            MaxLineLength = (int)Positive(config, "limits.max-line-length", d.MaxLineLength, int.MaxValue),
            MaxMetadataHeaderBytes = (int)Positive(config, "limits.max-metadata-header-bytes", d.MaxMetadataHeaderBytes, int.MaxValue),
            MaxSmallFileBytes = (int)Positive(config, "limits.max-small-file-bytes", d.MaxSmallFileBytes, int.MaxValue),
            MaxNestingDepth = (int)Positive(config, "limits.max-nesting-depth", d.MaxNestingDepth, 10_000),
            MaxDocumentBytes = Positive(config, "limits.max-document-bytes", d.MaxDocumentBytes, long.MaxValue),
            MaxPackagesPerEnvironment = (int)Positive(config, "limits.max-packages-per-environment", d.MaxPackagesPerEnvironment, int.MaxValue),
        };
    }

    private static long Positive(Configuration.PyfleetConfig config, string key, long fallback, long max)
    {
        var value = config.GetInteger(key, fallback);
        return value is > 0 && value <= max ? value
            : throw new Errors.PyfleetException($"'{key}' must be a positive integer (at most {max:N0}), not {value}", config.Path);
    }
}
