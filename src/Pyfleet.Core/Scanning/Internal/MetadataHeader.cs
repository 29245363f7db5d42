namespace Pyfleet.Core.Scanning.Internal;

/// <summary>Name and version from a core-metadata header, or why they could not be read.</summary>
internal readonly record struct MetadataHeader(string? Name, string? Version, string? Problem)
{
    public bool IsComplete => Name is not null && Version is not null;
}
