using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Http;

/// <summary>
/// An upstream request that got no answer after every retry: the server could not be reached, or did not answer
/// within <c>http.timeout-seconds</c>. <see cref="PyfleetException.Path"/> is the redacted URL.
/// </summary>
public sealed class HttpUpstreamException(string message, string url, bool timedOut, Exception? inner = null)
    : PyfleetException(message, url, null, inner)
{
    /// <summary>True when the server was reached but did not answer in time; false when it could not be reached.</summary>
    public bool TimedOut { get; } = timedOut;
}
