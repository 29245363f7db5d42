using System.CommandLine;
using System.Globalization;
using Pyfleet.Core.Configuration;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Http;
using Pyfleet.Core.Lifecycle;
using Pyfleet.Core.Releases;
using Pyfleet.Core.Releases.Http;
using Pyfleet.Core.Releases.Indexes;

namespace Pyfleet.Cli.Commands.Outdated;

/// <summary>The index, cache and lifecycle options shared by <c>outdated</c>, <c>fix</c> and <c>eol</c>.</summary>
internal sealed class ReleaseOptions
{
    public Option<string?> IndexUrl { get; } = new("--index-url", "-i") { Description = "Simple API root to use instead of the configured one (pip.conf, PIP_INDEX_URL, PyPI)" };
    public Option<string[]> ExtraIndexUrls { get; } = new("--extra-index-url") { Description = "Additional simple API root (repeatable)" };
    public Option<bool> Offline { get; } = new("--offline") { Description = "Use only cached index and endoflife.date data" };
    public Option<bool> JsonApi { get; } = new("--json-api") { Description = "Read PyPI's JSON API (/pypi/NAME/json) instead of the simple API" };
    public Option<string?> EolUrl { get; } = new("--eol-url") { Description = $"endoflife.date API v1 base (default {EolClient.DefaultBaseUrl})" };
    public Option<string?> AsOf { get; } = new("--as-of") { Description = "Judge EOL and staleness as of this date (YYYY-MM-DD; default today)" };
    public Option<int?> EolWarnDays { get; } = new("--eol-warn-days") { Description = "Warn this many days before an EOL date (default: lifecycle.warn-days, else 90)" };
    public Option<string?> Python { get; } = new("--python") { Description = "Python version for requirements files (gates Requires-Python and picks the Python EOL cycle)" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { IndexUrl, ExtraIndexUrls, Offline, JsonApi, EolUrl, AsOf, EolWarnDays, Python })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// Pyfleet's own settings (<c>config.toml</c> in the home, or <c>PYFLEET_*</c> variables): <c>releases.index-url</c>,
    /// <c>releases.extra-index-urls</c>, <c>lifecycle.eol-url</c>, <c>lifecycle.warn-days</c>. They sit between the
    /// command line and pip's own configuration.
    /// </summary>
    public static PyfleetConfig Config(PyfleetHome home, CliContext context) => PyfleetConfig.Load(home, context.GetEnvironment);

    public int ResolveWarnDays(ParseResult parse, PyfleetConfig config) =>
        parse.GetValue(EolWarnDays) ?? (int)config.GetInteger("lifecycle.warn-days", 90);

    public DateOnly ResolveAsOf(ParseResult parse, CliContext context)
    {
        var text = parse.GetValue(AsOf);
        if (text is null)
        {
            return DateOnly.FromDateTime(context.Clock.GetUtcNow().UtcDateTime);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new PyfleetException($"--as-of '{text}' is not a date (expected YYYY-MM-DD)");
    }

    /// <summary>The HTTP stack: one HttpClient, a fetcher with the cache under <c>{home}/cache/http</c>.</summary>
    public CachedHttpFetcher CreateFetcher(ParseResult parse, PyfleetHome home, CliContext context)
    {
        home.EnsureExists();
        var handler = new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        return new CachedHttpFetcher(client, new HttpFetchOptions
        {
            CacheDirectory = Path.Combine(home.CacheDirectory, "http"),
            Offline = parse.GetValue(Offline),
        }, context.Clock);
    }

    // fileIndexes: the indexes the input file names for itself (fix): after --index-url, before the configuration.
    public ReleaseClient CreateReleaseClient(ParseResult parse, CachedHttpFetcher fetcher, PyfleetConfig config, CliContext context, (string? IndexUrl, IReadOnlyList<string> ExtraIndexUrls)? fileIndexes = null)
    {
        var extras = parse.GetValue(ExtraIndexUrls) is { Length: > 0 } given ? given
            : fileIndexes is { ExtraIndexUrls.Count: > 0 } fromFile ? fromFile.ExtraIndexUrls
            : config.GetList("releases.extra-index-urls");
        var indexes = IndexConfiguration.Resolve(parse.GetValue(IndexUrl) ?? fileIndexes?.IndexUrl ?? config.GetString("releases.index-url"), extras, context.GetEnvironment);
        return new ReleaseClient(fetcher, indexes) { UseJsonApi = parse.GetValue(JsonApi) };
    }

    public EolClient CreateEolClient(ParseResult parse, CachedHttpFetcher fetcher, PyfleetHome home, PyfleetConfig config)
    {
        var url = parse.GetValue(EolUrl) ?? config.GetString("lifecycle.eol-url") ?? EolClient.DefaultBaseUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl))
        {
            throw new PyfleetException($"--eol-url '{UrlRedactor.Redact(url)}' is not an absolute URL");
        }

        return new EolClient(fetcher, baseUrl, Path.Combine(home.CacheDirectory, "endoflife", "products"));
    }
}
