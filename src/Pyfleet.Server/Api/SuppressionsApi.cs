using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Suppressions;
using Pyfleet.Server.Api.Internal;

namespace Pyfleet.Server.Api;

/// <summary>
/// <c>/api/v1/suppressions</c> (<c>admin</c> scope): list, add (<c>{"package", "advisory", "host", "label",
/// "reason", "expiresAt"}</c>) and delete suppressions; findings reads apply them at once.
/// </summary>
internal static class SuppressionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/suppressions", async (HttpRequest request, FleetService fleet, CancellationToken ct) =>
        {
            await Bearer.AuthenticateAsync(request, fleet, TokenScopes.Admin, ct);
            return Results.Json(new SuppressionsResponse(await fleet.Store.ListSuppressionsAsync(ct)), FleetJson.Default.SuppressionsResponse);
        });
        api.MapPost("/suppressions", async (HttpRequest request, FleetService fleet, TimeProvider clock, CancellationToken ct) =>
        {
            var token = await Bearer.AuthenticateAsync(request, fleet, TokenScopes.Admin, ct);
            NewSuppression? body;
            try
            {
                body = JsonSerializer.Deserialize(await RequestBody.ReadAsync(request, 64 * 1024, ct), FleetJson.Default.NewSuppression);
            }
            catch (JsonException ex)
            {
                throw FleetException.BadRequest($"the body is not a suppression: {ex.Message}");
            }

            var suppression = (body ?? throw FleetException.BadRequest("the body is empty")).Validate(clock.GetUtcNow(), token.Name ?? $"token {token.Id}");
            var stored = await fleet.Store.AddSuppressionAsync(suppression, ct);
            return Results.Json(stored with { Package = stored.Package == Core.Fleet.Analysis.InterpreterPair.Name ? "python" : stored.Package },
                FleetJson.Default.FleetSuppression, statusCode: 201);
        });
        api.MapDelete("/suppressions/{id}", async (string id, HttpRequest request, FleetService fleet, CancellationToken ct) =>
        {
            await Bearer.AuthenticateAsync(request, fleet, TokenScopes.Admin, ct);
            var number = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw FleetException.BadRequest($"'{id}' is not a suppression id");
            return await fleet.Store.DeleteSuppressionAsync(number, ct) ? Results.NoContent() : throw FleetException.NotFound($"no suppression {number}");
        });
    }
}
