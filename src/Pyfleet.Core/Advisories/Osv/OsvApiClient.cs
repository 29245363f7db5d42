using System.Net;
using System.Net.Http.Json;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Http;

namespace Pyfleet.Core.Advisories.Osv;

/// <summary>
/// On-demand OSV API client (FORMATS.md §6.4): <c>POST /v1/querybatch</c> in chunks of at most 1,000 queries, paging
/// every query that returns a <c>next_page_token</c> (a page may hold only a token) until none is left; and
/// <c>GET /v1/vulns/{id}</c> for full records (querybatch returns ids only). The base URL is configurable.
/// </summary>
public sealed class OsvApiClient
{
    /// <summary>The production API.</summary>
    public static readonly Uri DefaultBaseUri = new("https://api.osv.dev/");

    /// <summary>Server limit: more queries in one batch is <c>InvalidArgument: too many queries</c>.</summary>
    public const int MaxQueriesPerBatch = 1000;

    private readonly HttpStack _http;
    private readonly Uri _baseUri;

    /// <summary>A client of the API at <paramref name="baseUri"/> (default <see cref="DefaultBaseUri"/>) over <paramref name="http"/> (retries, time-out, proxy).</summary>
    public OsvApiClient(HttpStack http, Uri? baseUri = null)
    {
        _http = http;
        _baseUri = baseUri ?? DefaultBaseUri;
    }

    /// <summary>The vulnerability ids for each query, in input order.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> QueryBatchAsync(IReadOnlyList<OsvQuery> queries, CancellationToken cancellationToken = default)
    {
        var results = queries.Select(_ => new List<string>()).ToArray();
        var pending = queries.Select((q, i) => (Index: i, Query: q)).ToList();
        while (pending.Count > 0)
        {
            var next = new List<(int, OsvQuery)>();
            foreach (var chunk in pending.Chunk(MaxQueriesPerBatch))
            {
                var response = await PostBatchAsync(new OsvBatchQuery([.. chunk.Select(c => c.Query)]), cancellationToken);
                var answers = response.Results ?? [];
                if (answers.Count != chunk.Length)
                {
                    throw new PyfleetException($"querybatch answered {answers.Count} results for {chunk.Length} queries", Display("v1/querybatch"));
                }

                for (var i = 0; i < chunk.Length; i++)
                {
                    results[chunk[i].Index].AddRange((answers[i].Vulns ?? []).Select(v => v.Id));
                    if (answers[i].NextPageToken is { Length: > 0 } token)
                    {
                        next.Add((chunk[i].Index, chunk[i].Query with { PageToken = token }));
                    }
                }
            }

            pending = next;
        }

        return results.Select(r => (IReadOnlyList<string>)r.Distinct().ToList()).ToList();
    }

    /// <summary>One full record by id (ids are case-sensitive); null when the API does not know it.</summary>
    public async Task<OsvRecord?> GetVulnerabilityAsync(string id, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(_baseUri, "v1/vulns/" + Uri.EscapeDataString(id));
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), uri, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, uri, cancellationToken);
        var warnings = new List<AdvisoryWarning>();
        var record = OsvRecordReader.Read(await response.Content.ReadAsByteArrayAsync(cancellationToken), UrlRedactor.Redact(uri), warnings);
        return record ?? throw new PyfleetException(string.Join("; ", warnings), UrlRedactor.Redact(uri));
    }

    private async Task<OsvBatchResponse> PostBatchAsync(OsvBatchQuery body, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseUri, "v1/querybatch");
        // Serialised up front so the request carries Content-Length (no chunked upload) and can be replayed on retry.
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(body, OsvJsonContext.Default.OsvBatchQuery);
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } },
        }, uri, cancellationToken);
        await EnsureSuccessAsync(response, uri, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync(OsvJsonContext.Default.OsvBatchResponse, cancellationToken)
                ?? throw new PyfleetException("empty querybatch response", UrlRedactor.Redact(uri));
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new PyfleetException($"querybatch response is not JSON: {ex.Message}", UrlRedactor.Redact(uri), null, ex);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, Uri uri, CancellationToken cancellationToken)
    {
        using var request = create();
        try
        {
            return await _http.Client.SendAsync(request, cancellationToken);
        }
        catch (HttpUpstreamException ex) when (!ex.TimedOut)
        {
            throw new PyfleetException($"the OSV API: {ex.Message}", UrlRedactor.Redact(uri), null, ex);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, Uri uri, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new PyfleetException($"HTTP {(int)response.StatusCode}: {(text.Length > 200 ? text[..200] : text)}", UrlRedactor.Redact(uri));
        }
    }

    private string Display(string path) => UrlRedactor.Redact(new Uri(_baseUri, path));
}
