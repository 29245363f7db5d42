using Pyfleet.Core.Configuration.Internal;

namespace Pyfleet.Core.Configuration;

/// <summary>
/// The one table of settings: dotted key (<c>osv.max-age-days</c>) → how it is applied to <see cref="PyfleetOptions"/>.
/// The environment variable of a key is <c>PYFLEET_</c> + the key upper-cased, <c>.</c> and <c>-</c> as <c>_</c>;
/// the server's <c>IConfiguration</c> key is the same with <c>:</c> (<c>Pyfleet:osv:max-age-days</c>).
/// </summary>
public static class PyfleetOptionKeys
{
    /// <summary>Sections whose keys are free (paths), not settings.</summary>
    public static IReadOnlyList<string> FreeSections { get; } = ["labels"];

    internal static IReadOnlyDictionary<string, Func<PyfleetOptions, OptionValue, PyfleetOptions>> Setters { get; } =
        new Dictionary<string, Func<PyfleetOptions, OptionValue, PyfleetOptions>>(StringComparer.Ordinal)
        {
            ["osv.source"] = (o, v) => o with { Osv = o.Osv with { Sources = v.List() } },
            ["osv.api-url"] = (o, v) => o with { Osv = o.Osv with { ApiUrl = v.AbsoluteUrl() } },
            ["osv.max-age-days"] = (o, v) => o with { Osv = o.Osv with { MaxAgeDays = v.PositiveInteger() } },
            ["releases.index-url"] = (o, v) => o with { Releases = o.Releases with { IndexUrl = v.String() } },
            ["releases.extra-index-urls"] = (o, v) => o with { Releases = o.Releases with { ExtraIndexUrls = v.List() } },
            ["lifecycle.eol-url"] = (o, v) => o with { Lifecycle = o.Lifecycle with { EolUrl = v.String() } },
            ["lifecycle.warn-days"] = (o, v) => o with { Lifecycle = o.Lifecycle with { WarnDays = v.PositiveInteger() } },
            ["lint.disable"] = (o, v) => o with { Lint = o.Lint with { Disable = v.List() } },
            ["lint.allowed-indexes"] = (o, v) => o with { Lint = o.Lint with { AllowedIndexes = v.List() } },
            ["http.retries"] = (o, v) => o with { Http = o.Http with { Retries = v.PositiveInteger() } },
            ["http.retry-delay-ms"] = (o, v) => o with { Http = o.Http with { RetryDelayMs = v.PositiveInteger() } },
            ["http.timeout-seconds"] = (o, v) => o with { Http = o.Http with { TimeoutSeconds = v.PositiveInteger() } },
            ["http.user-agent"] = (o, v) => o with { Http = o.Http with { UserAgent = v.String() } },
            ["http.max-retry-after-seconds"] = (o, v) => o with { Http = o.Http with { MaxRetryAfterSeconds = v.PositiveInteger() } },
            ["http.proxy"] = (o, v) => o with { Http = o.Http with { Proxy = v.String() } },
            ["http.no-proxy"] = (o, v) => o with { Http = o.Http with { NoProxy = v.List() } },
            ["http.ca-bundle"] = (o, v) => o with { Http = o.Http with { CaBundle = v.String() } },
            ["database.url"] = (o, v) => o with { Database = o.Database with { Url = v.String() } },
            ["notify.webhooks"] = (o, v) => o with { Notify = o.Notify with { Webhooks = v.List() } },
            ["notify.email"] = (o, v) => o with { Notify = o.Notify with { Email = v.List() } },
            ["notify.smtp-host"] = (o, v) => o with { Notify = o.Notify with { SmtpHost = v.String() } },
            ["notify.smtp-port"] = (o, v) => o with { Notify = o.Notify with { SmtpPort = v.PositiveInteger() } },
            ["notify.min-severity"] = (o, v) => o with { Notify = o.Notify with { MinSeverity = v.String() } },
            ["serve.urls"] = (o, v) => o with { Serve = o.Serve with { Urls = v.String() } },
            ["serve.sync-interval-minutes"] = (o, v) => o with { Serve = o.Serve with { SyncIntervalMinutes = v.PositiveInteger() } },
        };

    /// <summary>Every known key, in table order.</summary>
    public static IReadOnlyList<string> All => [.. Setters.Keys];

    /// <summary>The environment variable that overrides <paramref name="key"/>.</summary>
    public static string EnvironmentVariableFor(string key) => PyfleetConfig.EnvironmentVariableFor(key);

    /// <summary>The known key or section nearest to <paramref name="typo"/> (for "did you mean"), or null.</summary>
    public static string? Nearest(string typo, IEnumerable<string> candidates) =>
        candidates.Select(c => (Candidate: c, Distance: Text.EditDistance.Between(typo, c)))
            .Where(x => x.Distance <= Math.Max(2, typo.Length / 3))
            .OrderBy(x => x.Distance).Select(x => x.Candidate).FirstOrDefault();
}
