using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Pyfleet.Core.Http;

namespace Pyfleet.Core.Fleet.Client;

/// <summary>
/// The fleet API over HTTP for the CLI and the agent: enroll, push (gzip), heartbeat and the read queries. A
/// refusal is a <see cref="FleetClientException"/> carrying the server's problem detail; the token is only ever
/// sent in the Authorization header.
/// </summary>
public sealed class FleetClient(HttpClient http, Uri server, string token) : IFleetQueries
{
    private readonly string _display = UrlRedactor.Redact(server.ToString());

    public async Task<EnrollResponse> EnrollAsync(string host, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, "api/v1/enroll");
        request.Content = JsonContent.Create(new HostRequest(host), FleetJson.Default.HostRequest);
        return await SendAsync(request, FleetJson.Default.EnrollResponse, cancellationToken);
    }

    /// <summary>Pushes a document's JSON (gzip-compressed on the wire); Created false when the server already had it.</summary>
    public async Task<(PushResponse Response, bool Created)> PushAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(json, cancellationToken);
        }

        using var request = Request(HttpMethod.Post, "api/v1/snapshots");
        request.Content = new ByteArrayContent(compressed.GetBuffer(), 0, (int)compressed.Length);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content.Headers.ContentEncoding.Add("gzip");
        using var response = await SendRawAsync(request, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync(FleetJson.Default.PushResponse, cancellationToken);
        return (body ?? throw Fail("an empty answer to a push", (int)response.StatusCode), response.StatusCode == HttpStatusCode.Created);
    }

    public async Task<HeartbeatResponse> HeartbeatAsync(string host, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, "api/v1/heartbeat");
        request.Content = JsonContent.Create(new HostRequest(host), FleetJson.Default.HostRequest);
        return await SendAsync(request, FleetJson.Default.HeartbeatResponse, cancellationToken);
    }

    public async Task<IReadOnlyList<WhoMatch>> WhoAsync(string spec, CancellationToken cancellationToken) =>
        (await GetAsync($"api/v1/who?spec={Uri.EscapeDataString(spec)}", FleetJson.Default.WhoResponse, cancellationToken)).Matches;

    public async Task<IReadOnlyList<FleetHost>> HostsAsync(CancellationToken cancellationToken) =>
        (await GetAsync("api/v1/hosts", FleetJson.Default.HostsResponse, cancellationToken)).Hosts;

    public async Task<IReadOnlyList<FleetSnapshotSummary>> HistoryAsync(string host, CancellationToken cancellationToken) =>
        (await GetAsync($"api/v1/hosts/{Uri.EscapeDataString(host)}/snapshots", FleetJson.Default.SnapshotsResponse, cancellationToken)).Snapshots;

    public Task<SnapshotDiff> DiffAsync(string host, long? from, long? to, CancellationToken cancellationToken) =>
        GetAsync($"api/v1/diff?host={Uri.EscapeDataString(host)}{(from is null ? "" : $"&from={from}")}{(to is null ? "" : $"&to={to}")}", FleetJson.Default.SnapshotDiff, cancellationToken);

    public async Task<string> RequirementsAsync(string host, string environment, long? snapshot, CancellationToken cancellationToken)
    {
        var path = string.Join('/', environment.Trim('/').Split('/').Select(Uri.EscapeDataString));
        using var request = Request(HttpMethod.Get, $"api/v1/hosts/{Uri.EscapeDataString(host)}/environments/{path}/requirements{(snapshot is null ? "" : $"?snapshot={snapshot}")}");
        using var response = await SendRawAsync(request, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private async Task<T> GetAsync<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, path);
        return await SendAsync(request, type, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(request, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken) ?? throw Fail("an empty answer", (int)response.StatusCode);
        }
        catch (JsonException ex)
        {
            throw Fail($"an answer that is not the expected JSON ({ex.Message})", (int)response.StatusCode);
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new FleetClientException($"cannot reach the fleet server: {ex.Message}", _display, null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FleetClientException("the fleet server did not answer in time", _display, null, ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var detail = await ProblemDetailAsync(response, cancellationToken);
            throw Fail($"{(int)response.StatusCode} {response.ReasonPhrase}: {detail}", (int)response.StatusCode);
        }
    }

    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var problem = JsonDocument.Parse(text);
            return problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : text;
        }
        catch (JsonException)
        {
            return text.Length > 200 ? text[..200] : text;
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(server, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private FleetClientException Fail(string message, int? status) => new(message, _display, status);
}
