using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Fleet.Client;

/// <summary>
/// A fleet server refused a request (<see cref="Status"/> and the problem document's detail) or could not be reached
/// (<see cref="Status"/> null). <see cref="IsRetryable"/>: worth spooling and sending again later.
/// </summary>
public sealed class FleetClientException(string message, string server, int? status, Exception? inner = null)
    : PyfleetException(message, server, null, inner)
{
    public int? Status { get; } = status;

    public bool IsRetryable => Status is null or >= 500 or 429 or 408;
}
