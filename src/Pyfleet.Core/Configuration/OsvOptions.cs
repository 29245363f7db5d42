using Pyfleet.Core.Advisories.Sync;

namespace Pyfleet.Core.Configuration;

/// <summary><c>[osv]</c>: where advisories come from and how old they may be.</summary>
public sealed record OsvOptions
{
    /// <summary><c>osv.source</c>: OSV zips, <c>file://</c>/<c>https://</c> URLs or PyPA advisory-database folders.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [AdvisorySource.DefaultPyPIUrl];

    /// <summary><c>osv.api-url</c>: the OSV API for <c>audit --osv-api</c>.</summary>
    public Uri ApiUrl { get; init; } = new("https://api.osv.dev/");

    /// <summary><c>osv.max-age-days</c>: warn when the local database is older than this.</summary>
    public int MaxAgeDays { get; init; } = 7;
}
