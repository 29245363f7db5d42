namespace Pyfleet.Core.Configuration;

/// <summary><c>[releases]</c>: the package index (between the command line and pip's own configuration).</summary>
public sealed record ReleasesOptions
{
    /// <summary><c>releases.index-url</c>; null: pip.conf / <c>PIP_INDEX_URL</c>, else PyPI.</summary>
    public string? IndexUrl { get; init; }

    /// <summary><c>releases.extra-index-urls</c>.</summary>
    public IReadOnlyList<string> ExtraIndexUrls { get; init; } = [];
}
