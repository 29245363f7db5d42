using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pyfleet.Testing.Http;

namespace Pyfleet.Testing.Releases;

/// <summary>
/// PyPI's APIs on a real HTTP server on 127.0.0.1 (<see cref="LoopbackServer"/>, an ephemeral port), from
/// <see cref="RecordedProject"/>s: <c>/simple/{name}/</c> as PEP 691 JSON or PEP 503 HTML by Accept negotiation,
/// <c>/pypi/{name}/json</c>, <c>/pypi/{name}/{version}/json</c> (per-release documents added with
/// <see cref="AddReleaseJson"/>), <c>/files/{filename}</c>; ETag + 304; injectable 429 (Retry-After) and 500
/// answers; records Authorization. Also serves endoflife.date v1 product documents under <c>/eol/products/{name}/</c>.
/// </summary>
public sealed class LoopbackIndexServer : IDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentDictionary<string, RecordedProject> _projects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _eolProducts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _releaseJson = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, int? RetryAfter)>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);

    public LoopbackIndexServer()
    {
        _server = new LoopbackServer(Handle);
        BaseUrl = _server.BaseUri.ToString();
    }

    public string BaseUrl { get; }
    public string SimpleUrl => BaseUrl + "simple/";
    public string EolUrl => BaseUrl + "eol";

    /// <summary>Serve only PEP 503 HTML (a plain mirror).</summary>
    public bool HtmlOnly { get; set; }

    public string? LastAuthorization { get; private set; }

    public void Add(RecordedProject project) => _projects[project.Name] = project;

    /// <summary>Serves <paramref name="json"/> (a recorded PyPI per-release document) at <c>/pypi/{name}/{version}/json</c>.</summary>
    public void AddReleaseJson(string name, string version, string json) => _releaseJson[$"{name}/{version}"] = Encoding.UTF8.GetBytes(json);

    public void AddEolProduct(string name, string json) => _eolProducts[name] = Encoding.UTF8.GetBytes(json);

    /// <summary>The next request to <paramref name="path"/> answers <paramref name="status"/> instead.</summary>
    public void Fail(string path, int status, int? retryAfter = null) => _faults.GetOrAdd(path, _ => new()).Enqueue((status, retryAfter));

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public void Dispose() => _server.Dispose();

    private LoopbackServerResponse Handle(LoopbackServerRequest request)
    {
        var path = request.Path;
        _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        LastAuthorization = request.Header("Authorization");
        if (_faults.TryGetValue(path, out var queue) && queue.TryDequeue(out var fault))
        {
            return new LoopbackServerResponse(fault.Status, [], fault.RetryAfter is { } seconds
                ? new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                : null);
        }

        var (body, type) = Route(path, request.Header("Accept") ?? "");
        if (body is null)
        {
            return LoopbackServerResponse.Text(404, "<html><body>Not Found</body></html>", new Dictionary<string, string> { ["Content-Type"] = "text/html" });
        }

        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..16] + "\"";
        var headers = new Dictionary<string, string> { ["ETag"] = etag, ["Vary"] = "Accept" };
        if (request.Header("If-None-Match") == etag)
        {
            return new LoopbackServerResponse(304, [], headers);
        }

        headers["Content-Type"] = type;
        return new LoopbackServerResponse(200, body, headers);
    }

    private (byte[]? Body, string Type) Route(string path, string accept)
    {
        var parts = path.Trim('/').Split('/');
        if (parts is ["simple", var name] && _projects.TryGetValue(name, out var project))
        {
            return !HtmlOnly && accept.Contains("application/vnd.pypi.simple.v1+json", StringComparison.Ordinal)
                ? (SimpleJson(project), "application/vnd.pypi.simple.v1+json")
                : (SimpleHtml(project), HtmlOnly ? "text/html" : "application/vnd.pypi.simple.v1+html");
        }

        if (parts is ["pypi", var jsonName, "json"] && _projects.TryGetValue(jsonName, out var jsonProject))
        {
            return (PyPiJson(jsonProject), "application/json");
        }

        if (parts is ["pypi", var releaseName, var releaseVersion, "json"] && _releaseJson.TryGetValue($"{releaseName}/{releaseVersion}", out var releaseJson))
        {
            return (releaseJson, "application/json");
        }

        if (parts is ["files", var filename])
        {
            var file = _projects.Values.SelectMany(p => p.Files).FirstOrDefault(f => f.Filename == filename);
            return (file?.Content, "application/octet-stream");
        }

        if (parts is ["eol", "products", "full"])
        {
            // /products/full/: every product's result in one envelope, as the real API serves it.
            var results = _eolProducts.Values.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("result").Clone()).ToList();
            return (JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["schema_version"] = "1.2.0", ["total"] = results.Count, ["result"] = results }), "application/json");
        }

        if (parts is ["eol", "products", var product] && _eolProducts.TryGetValue(product, out var eol))
        {
            return (eol, "application/json");
        }

        return (null, "");
    }

    private byte[] SimpleJson(RecordedProject project)
    {
        var document = new Dictionary<string, object?>
        {
            ["meta"] = new Dictionary<string, object?> { ["api-version"] = "1.4", ["_last-serial"] = 1234 },
            ["name"] = project.Name,
            ["project-status"] = project.Status is null ? null : new Dictionary<string, string> { ["status"] = project.Status },
            ["versions"] = project.Files.Select(f => f.Version).Distinct().ToList(),
            ["files"] = project.Files.Select(f => new Dictionary<string, object?>
            {
                ["filename"] = f.Filename,
                ["url"] = $"../../files/{f.Filename}",
                ["hashes"] = project.NoHashes ? new Dictionary<string, string>() : new Dictionary<string, string> { ["sha256"] = f.Sha256 },
                ["requires-python"] = f.RequiresPython,
                ["size"] = f.Content.Length,
                ["upload-time"] = f.Uploaded?.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"),
                ["yanked"] = f.Yanked is null ? false : f.Yanked.Length == 0 ? true : f.Yanked,
                ["core-metadata"] = false,
            }).ToList(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document);
    }

    private byte[] SimpleHtml(RecordedProject project)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html>\n  <head>\n    <meta name=\"pypi:repository-version\" content=\"1.4\">\n");
        if (project.Status is not null)
        {
            html.Append($"    <meta name=\"pypi:project-status\" content=\"{project.Status}\">\n");
        }

        html.Append($"    <title>Links for {project.Name}</title>\n  </head>\n  <body>\n    <h1>Links for {project.Name}</h1>\n");
        foreach (var f in project.Files)
        {
            var requires = f.RequiresPython is null ? "" : $" data-requires-python=\"{WebUtility.HtmlEncode(f.RequiresPython)}\"";
            var yanked = f.Yanked is null ? "" : $" data-yanked=\"{WebUtility.HtmlEncode(f.Yanked)}\"";
            var fragment = project.NoHashes ? "" : $"#sha256={f.Sha256}";
            html.Append($"    <a href=\"../../files/{f.Filename}{fragment}\"{requires}{yanked}>{f.Filename}</a><br />\n");
        }

        return Encoding.UTF8.GetBytes(html.Append("  </body>\n</html>\n").ToString());
    }

    private static byte[] PyPiJson(RecordedProject project)
    {
        var releases = project.Files.GroupBy(f => f.Version).ToDictionary(g => g.Key, g => g.Select(f => new Dictionary<string, object?>
        {
            ["filename"] = f.Filename,
            ["url"] = $"/files/{f.Filename}",
            ["packagetype"] = "bdist_wheel",
            ["digests"] = new Dictionary<string, string> { ["sha256"] = f.Sha256, ["md5"] = Convert.ToHexStringLower(MD5.HashData(f.Content)) },
            ["requires_python"] = f.RequiresPython,
            ["upload_time_iso_8601"] = f.Uploaded?.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"),
            ["yanked"] = f.Yanked is not null,
            ["yanked_reason"] = string.IsNullOrEmpty(f.Yanked) ? null : f.Yanked,
        }).ToList());
        return JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["info"] = new Dictionary<string, object?> { ["name"] = project.Name, ["version"] = project.Files.LastOrDefault()?.Version },
            ["last_serial"] = 1234,
            ["releases"] = releases,
        });
    }
}
