using Microsoft.AspNetCore.Http;
using Pyfleet.Core.Fleet;

namespace Pyfleet.Server.Api.Internal;

/// <summary>The bearer secret of a request (never logged), or null.</summary>
internal static class Bearer
{
    public static string? Secret(HttpRequest request) => TokenSecret.FromBearerHeader(request.Headers.Authorization.ToString());

    /// <summary>The request's active token allowing <paramref name="scope"/>; 401 or 403 otherwise.</summary>
    public static Task<FleetToken> AuthenticateAsync(HttpRequest request, FleetService fleet, string scope, CancellationToken ct) =>
        fleet.AuthenticateAsync(Secret(request), scope, ct);

    /// <summary>A rate-limit partition: a short hash of the token (never the token), else the client address.</summary>
    public static string Partition(HttpContext context) => Secret(context.Request) is { Length: > 0 } secret
        ? "t:" + Convert.ToHexString(TokenSecret.Hash(secret), 0, 8)
        : "a:" + context.Connection.RemoteIpAddress;
}
