using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Inventory;
using Pyfleet.Server.Api.Internal;
using Pyfleet.Server.Hosting;

namespace Pyfleet.Server.Api;

/// <summary>
/// The HTTP contract (external scripts depend on these names): <c>/healthz</c>, <c>/metrics</c>, <c>/api/v1/enroll</c>,
/// <c>/api/v1/snapshots</c>, <c>/api/v1/who</c>, <c>/api/v1/hosts…</c>, <c>/api/v1/diff</c>. Each handler: bearer
/// token → one <see cref="FleetService"/> call → JSON.
/// </summary>
public static class FleetApi
{
    private const int SmallBody = 64 * 1024;

    public static void MapFleetApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (FleetService fleet, CancellationToken ct) =>
            await fleet.Store.PingAsync(ct) ? Results.Text("ok\n") : Results.Problem(statusCode: 503, title: "Service unavailable", detail: "the store does not answer"));
        app.MapGet("/metrics", async (FleetService fleet, FleetMetrics metrics, CancellationToken ct) =>
        {
            var (hosts, snapshots) = await fleet.Store.CountsAsync(ct);
            var findings = (await fleet.Store.Findings.FindingsAsync(new Core.Fleet.Findings.FindingsFilter(Limit: 0), ct)).Total;
            return Results.Text(metrics.Render(hosts, snapshots, findings), "text/plain; version=0.0.4; charset=utf-8");
        });

        var api = app.MapGroup("/api/v1");
        api.MapPost("/enroll", EnrollAsync);
        api.MapPost("/snapshots", PushAsync);
        api.MapPost("/heartbeat", HeartbeatAsync);
        api.MapGet("/who", WhoAsync);
        FleetReadApi.Map(api);
        FindingsApi.Map(api);
        SuppressionsApi.Map(api);
    }

    private static async Task<IResult> EnrollAsync(HttpRequest request, FleetService fleet, CancellationToken ct)
    {
        var token = await Bearer.AuthenticateAsync(request, fleet, TokenScopes.Enroll, ct);
        var host = SmallJson.ReadString(await RequestBody.ReadAsync(request, SmallBody, ct), "host");
        return Results.Json(new EnrollResponse(await fleet.EnrollAsync(token, host, ct), host!), FleetJson.Default.EnrollResponse);
    }

    private static async Task<IResult> PushAsync(HttpRequest request, FleetService fleet, FleetServerOptions options, FleetMetrics metrics, CancellationToken ct)
    {
        var token = await Bearer.AuthenticateAsync(request, fleet, TokenScopes.Ingest, ct);
        var started = Stopwatch.GetTimestamp();
        InventoryDocument document;
        try
        {
            document = InventoryJson.Deserialize(await RequestBody.ReadAsync(request, options.MaxBodyBytes, ct), "body");
        }
        catch (Exception)
        {
            metrics.IngestRejected();
            throw;
        }

        var result = await fleet.IngestAsync(token, document, ct);
        metrics.Ingested(result.Created, Stopwatch.GetElapsedTime(started));
        return Results.Json(new PushResponse(result.Snapshot, result.Host), FleetJson.Default.PushResponse, statusCode: result.Created ? 201 : 200);
    }

    private static async Task<IResult> HeartbeatAsync(HttpRequest request, FleetService fleet, TimeProvider clock, CancellationToken ct)
    {
        var token = await Bearer.AuthenticateAsync(request, fleet, TokenScopes.Ingest, ct);
        var host = SmallJson.ReadString(await RequestBody.ReadAsync(request, SmallBody, ct), "host");
        if (host is null || (token.Host is not null && !string.Equals(token.Host, host, StringComparison.Ordinal)))
        {
            throw FleetException.Forbidden($"this token cannot report for host '{host}'");
        }

        return await fleet.Store.TouchHostAsync(host, clock.GetUtcNow(), ct)
            ? Results.Json(new HeartbeatResponse(host, (await fleet.HostAsync(host, ct)).LatestSnapshot), FleetJson.Default.HeartbeatResponse)
            : throw FleetException.NotFound($"no host '{host}': push a snapshot first");
    }

    private static async Task<IResult> WhoAsync(HttpRequest request, FleetService fleet, FleetMetrics metrics, CancellationToken ct)
    {
        await Bearer.AuthenticateAsync(request, fleet, TokenScopes.Read, ct);
        var started = Stopwatch.GetTimestamp();
        var query = request.Query;
        var asked = new[] { "spec", "vuln", "eol" }.Count(query.ContainsKey);
        if (asked != 1)
        {
            throw FleetException.BadRequest("give exactly one of spec=REQUIREMENT, vuln=ID or eol=true");
        }

        var matches = query.ContainsKey("vuln")
            ? await fleet.WhoVulnerableAsync(query["vuln"].ToString(), ct)
            : query.ContainsKey("eol")
                ? query["eol"].ToString() == "true" ? await fleet.WhoEndOfLifeAsync(ct) : throw FleetException.BadRequest("eol takes only the value true")
                : await fleet.WhoAsync(query["spec"].ToString(), ct);
        metrics.Who(Stopwatch.GetElapsedTime(started));
        return Results.Json(new WhoResponse(matches), FleetJson.Default.WhoResponse);
    }
}

/// <summary>Reads one string property from a small JSON object body (depth-limited).</summary>
internal static class SmallJson
{
    public static string? ReadString(byte[] body, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : throw FleetException.BadRequest($"the body must be a JSON object with a string '{property}'");
        }
        catch (JsonException ex)
        {
            throw FleetException.BadRequest($"the body is not JSON: {ex.Message}");
        }
    }
}
