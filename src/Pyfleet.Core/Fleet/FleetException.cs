using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Fleet;

/// <summary>
/// A fleet request that cannot be honoured, with the HTTP status a server answers (400 bad input, 401 no valid
/// token, 403 not allowed, 404 not found, 409 conflict, 413 too large). The message is safe to show a client.
/// </summary>
public sealed class FleetException(int status, string title, string message) : PyfleetException(message)
{
    public int Status { get; } = status;
    public string Title { get; } = title;

    public static FleetException BadRequest(string message) => new(400, "Bad request", message);
    public static FleetException Unauthorized(string message) => new(401, "Unauthorized", message);
    public static FleetException Forbidden(string message) => new(403, "Forbidden", message);
    public static FleetException NotFound(string message) => new(404, "Not found", message);
    public static FleetException TooLarge(string message) => new(413, "Payload too large", message);
}
