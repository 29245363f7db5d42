using Microsoft.AspNetCore.Http;

namespace Pyfleet.Server.Api.Internal;

/// <summary>The bearer secret of a request (never logged), or null.</summary>
internal static class Bearer
{
    public static string? Secret(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    /// <summary>A rate-limit partition: a short hash of the token (never the token), else the client address.</summary>
    public static string Partition(HttpContext context) => Secret(context.Request) is { Length: > 0 } secret
        ? "t:" + Convert.ToHexString(Core.Fleet.TokenSecret.Hash(secret), 0, 8)
        : "a:" + context.Connection.RemoteIpAddress;
}
