namespace Pyfleet.Core.Lifecycle;

/// <summary>
/// An endoflife.date API v1 product (<c>ProductResponse.result</c>), only the fields Pyfleet uses.
/// Spec: https://endoflife.date/docs/api/v1/
/// </summary>
public sealed record EolProduct
{
    public required string Name { get; init; }
    public string? Label { get; init; }
    public IReadOnlyList<EolIdentifier> Identifiers { get; init; } = [];

    /// <summary>Release cycles, newest first.</summary>
    public IReadOnlyList<EolRelease> Releases { get; init; } = [];
}

/// <summary>A product identifier (<c>purl</c>, <c>repology</c>, <c>cpe</c>).</summary>
public sealed record EolIdentifier(string Id, string Type);

/// <summary>One release cycle (<c>ProductRelease</c>). The <c>is*</c> booleans are build-time snapshots: Pyfleet recomputes from the dates.</summary>
public sealed record EolRelease
{
    public required string Name { get; init; }
    public string? Codename { get; init; }
    public string? Label { get; init; }
    public DateOnly? ReleaseDate { get; init; }
    public bool IsLts { get; init; }
    public DateOnly? LtsFrom { get; init; }
    public bool IsEoas { get; init; }
    public DateOnly? EoasFrom { get; init; }
    public bool IsEol { get; init; }
    public DateOnly? EolFrom { get; init; }
    public bool? IsEoes { get; init; }
    public DateOnly? EoesFrom { get; init; }
    public EolLatest? Latest { get; init; }
}

/// <summary>The latest patch release of a cycle.</summary>
public sealed record EolLatest(string Name, DateOnly? Date, string? Link);
