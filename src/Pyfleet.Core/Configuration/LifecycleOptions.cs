namespace Pyfleet.Core.Configuration;

/// <summary><c>[lifecycle]</c>: endoflife.date.</summary>
public sealed record LifecycleOptions
{
    /// <summary><c>lifecycle.eol-url</c>: the endoflife.date API v1 base.</summary>
    public string EolUrl { get; init; } = Lifecycle.EolClient.DefaultBaseUrl;

    /// <summary><c>lifecycle.warn-days</c>: warn this many days before an EOL date.</summary>
    public int WarnDays { get; init; } = 90;
}
