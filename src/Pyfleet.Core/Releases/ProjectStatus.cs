namespace Pyfleet.Core.Releases;

/// <summary>PEP 792 project status markers: <c>active</c> (default), <c>archived</c>, <c>quarantined</c>, <c>deprecated</c>.</summary>
/// <param name="Status">Lowercase status; unknown values are kept as given.</param>
/// <param name="Reason">Free-text reason when the index gives one.</param>
public sealed record ProjectStatus(string Status, string? Reason = null)
{
    /// <summary>The default when an index says nothing.</summary>
    public static ProjectStatus Active { get; } = new("active");

    /// <summary>True for anything but <c>active</c>.</summary>
    public bool IsNotable => !string.Equals(Status, "active", StringComparison.OrdinalIgnoreCase);
}
