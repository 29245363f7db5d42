using System.CommandLine;
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
    public Option<DateOnly?> AsOf { get; } = CommonOptions.AsOf("Judge EOL and staleness as of this date (YYYY-MM-DD; default today)");
    public Option<int?> EolWarnDays { get; } = new("--eol-warn-days") { Description = "Warn this many days before an EOL date (default: lifecycle.warn-days, else 90)" };
    public Option<string?> Python { get; } = new("--python") { Description = "Python version for requirements files (gates Requires-Python and picks the Python EOL cycle)" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { IndexUrl, ExtraIndexUrls, Offline, JsonApi, EolUrl, AsOf, EolWarnDays, Python })
        {
            command.Options.Add(option);
        }
    }

    /// <summary><c>--eol-warn-days</c>, else <c>lifecycle.warn-days</c>.</summary>
    public int ResolveWarnDays(ParseResult parse, PyfleetOptions options) => parse.GetValue(EolWarnDays) ?? options.Lifecycle.WarnDays;

    public DateOnly ResolveAsOf(ParseResult parse, CliContext context) =>
        parse.GetValue(AsOf) ?? DateOnly.FromDateTime(context.Clock.GetUtcNow().UtcDateTime);

    /// <summary>The index client: the command line, else Pyfleet's <c>[releases]</c>, else pip's own configuration.</summary>
    // fileIndexes: the indexes the input file names for itself (fix): after --index-url, before the configuration.
    public ReleaseClient CreateReleaseClient(ParseResult parse, CachedHttpFetcher fetcher, PyfleetOptions options, CliContext context, (string? IndexUrl, IReadOnlyList<string> ExtraIndexUrls)? fileIndexes = null)
    {
        var extras = parse.GetValue(ExtraIndexUrls) is { Length: > 0 } given ? given
            : fileIndexes is { ExtraIndexUrls.Count: > 0 } fromFile ? fromFile.ExtraIndexUrls
            : options.Releases.ExtraIndexUrls;
        var indexes = IndexConfiguration.Resolve(parse.GetValue(IndexUrl) ?? fileIndexes?.IndexUrl ?? options.Releases.IndexUrl, extras, context.GetEnvironment);
        return new ReleaseClient(fetcher, indexes) { UseJsonApi = parse.GetValue(JsonApi) };
    }

    public EolClient CreateEolClient(ParseResult parse, CachedHttpFetcher fetcher, PyfleetHome home, PyfleetOptions options)
    {
        var url = parse.GetValue(EolUrl) ?? options.Lifecycle.EolUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl))
        {
            throw new PyfleetException($"--eol-url '{UrlRedactor.Redact(url)}' is not an absolute URL");
        }

        return new EolClient(fetcher, baseUrl, Path.Combine(home.CacheDirectory, "endoflife", "products"));
    }
}
