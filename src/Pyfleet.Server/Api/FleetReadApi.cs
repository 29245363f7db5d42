using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Inventory;
using Pyfleet.Server.Api.Internal;

namespace Pyfleet.Server.Api;

/// <summary>Read endpoints (<c>read</c> scope): hosts, history, snapshots, diffs, pinned requirements.</summary>
internal static class FleetReadApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/hosts", async (HttpRequest request, FleetService fleet, CancellationToken ct) =>
        {
            await Bearer.AuthenticateAsync(request, fleet, TokenScopes.Read, ct);
            return Results.Json(new HostsResponse(await fleet.Store.ListHostsAsync(ct)), FleetJson.Default.HostsResponse);
        });
        api.MapGet("/hosts/{name}", async (string name, HttpRequest request, FleetService fleet, CancellationToken ct) =>
        {
            await Bearer.AuthenticateAsync(request, fleet, TokenScopes.Read, ct);
            return Results.Json(await fleet.HostAsync(name, ct), FleetJson.Default.FleetHost);
        });
        api.MapGet("/hosts/{name}/snapshots", async (string name, HttpRequest request, FleetService fleet, CancellationToken ct) =>
        {
            await Bearer.AuthenticateAsync(request, fleet, TokenScopes.Read, ct);
            await fleet.HostAsync(name, ct);
            return Results.Json(new SnapshotsResponse(name, await fleet.Store.ListSnapshotsAsync(name, 1000, ct)), FleetJson.Default.SnapshotsResponse);
        });
        api.MapGet("/snapshots/{id}", async (string id, HttpRequest request, FleetService fleet, CancellationToken ct) =>
        {
            await Bearer.AuthenticateAsync(request, fleet, TokenScopes.Read, ct);
            var document = await fleet.SnapshotAsync(ParseId(id, "id") ?? 0, ct);
            return Results.Text(InventoryJson.Serialize(document, indented: false), "application/json");
        });
        api.MapGet("/diff", async (HttpRequest request, FleetService fleet, CancellationToken ct) =>
        {
            await Bearer.AuthenticateAsync(request, fleet, TokenScopes.Read, ct);
            var host = request.Query["host"].ToString();
            return Results.Json(await fleet.DiffAsync(host, ParseId(request.Query["from"], "from"), ParseId(request.Query["to"], "to"), ct), FleetJson.Default.SnapshotDiff);
        });
        api.MapGet("/hosts/{name}/environments/{**rest}", async (string name, string rest, HttpRequest request, FleetService fleet, CancellationToken ct) =>
        {
            await Bearer.AuthenticateAsync(request, fleet, TokenScopes.Read, ct);
            const string Suffix = "/requirements";
            if (!rest.EndsWith(Suffix, StringComparison.Ordinal))
            {
                throw FleetException.NotFound("no such endpoint: use /api/v1/hosts/{name}/environments/{path}/requirements");
            }

            var text = await fleet.RequirementsAsync(name, rest[..^Suffix.Length], ParseId(request.Query["snapshot"], "snapshot"), ct);
            return Results.Text(text, "text/plain; charset=utf-8");
        });
    }

    private static long? ParseId(string? text, string name) => string.IsNullOrEmpty(text)
        ? null
        : long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw FleetException.BadRequest($"{name} '{text}' is not a snapshot id");
}
