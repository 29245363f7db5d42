using Pyfleet.Core.Configuration;

namespace Pyfleet.Core.Application.Advisories;

/// <summary>What <see cref="AdvisoryDatabaseService"/> needs besides its store.</summary>
public sealed record AdvisoryDatabaseOptions
{
    public OsvOptions Osv { get; init; } = new();

    public HttpOptions Http { get; init; } = new();

    /// <summary>Where the HTTP stack reads <c>HTTPS_PROXY</c> and <c>NO_PROXY</c> (default: the process environment).</summary>
    public Func<string, string?> GetEnvironment { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Downloads are kept here between syncs (conditional requests).</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>Relative local sources are relative to this folder.</summary>
    public required string CurrentDirectory { get; init; }

    /// <summary>How messages name the database (a file path, or a redacted URL).</summary>
    public string DatabaseDisplay { get; init; } = "the store";
}
