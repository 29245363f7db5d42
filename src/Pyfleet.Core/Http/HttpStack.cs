using System.Net;
using Pyfleet.Core.Configuration;
using Pyfleet.Core.Http.Internal;

namespace Pyfleet.Core.Http;

/// <summary>
/// The one HTTP stack of every upstream call — OSV (bucket and API), the package indexes, endoflife.date and
/// webhooks: a <see cref="SocketsHttpHandler"/> with the proxy (<c>http.proxy</c>, else <c>HTTPS_PROXY</c> /
/// <c>NO_PROXY</c>), the extra certificate authorities (<c>http.ca-bundle</c>) and decompression, under one
/// Polly pipeline (<see cref="HttpRetryPipeline"/>: retries with backoff and <c>Retry-After</c>, a time-out per
/// attempt) that also sets the user agent. Backoff and <c>Retry-After</c> waits run on the injected clock, so
/// tests with a fake clock never wait for them; time-outs measure real I/O and run on the system clock.
/// </summary>
/// <remarks>
/// Build one per host process (or per command) and share <see cref="Client"/>; <see cref="CreateClient"/> gives
/// callers that need their own defaults (a base address, headers) a client over the same connections. A failure
/// after the retries is an <see cref="HttpUpstreamException"/> naming the redacted URL; a final error status
/// (404, 500 …) is returned as the response. Microsoft.Extensions.Http.Resilience was considered: it wraps the
/// same Polly pipeline in a <c>DelegatingHandler</c> but brings 28 packages (dependency injection, logging,
/// telemetry, compliance) into Core for a handler of 60 lines, and is built for <c>IHttpClientFactory</c>, which
/// the CLI does not use.
/// </remarks>
public sealed class HttpStack : IDisposable
{
    /// <summary>
    /// A request option: the caller streams the body itself (<see cref="HttpCompletionOption.ResponseHeadersRead"/>),
    /// so the attempt ends at the headers; otherwise the whole body is read within the attempt (and retried with it).
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> StreamedBody = new("pyfleet.streamed-body");

    private readonly HttpMessageHandler _handler;

    /// <summary>Builds the stack for <paramref name="options"/>.</summary>
    /// <param name="options">Retries, time-out, user agent, proxy, CA bundle.</param>
    /// <param name="clock">Clock of the backoff and <c>Retry-After</c> waits (default: the system clock).</param>
    /// <param name="getEnvironment">Where <c>HTTPS_PROXY</c> and <c>NO_PROXY</c> are read (default: the process environment).</param>
    public HttpStack(HttpOptions options, TimeProvider? clock = null, Func<string, string?>? getEnvironment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Clock = clock ?? TimeProvider.System;
        var sockets = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.Timeout,
            Proxy = EnvironmentProxy.Create(options, getEnvironment ?? Environment.GetEnvironmentVariable),
            UseProxy = true,
        };
        if (options.CaBundle is { Length: > 0 } bundle)
        {
            sockets.SslOptions.RemoteCertificateValidationCallback = CaBundleValidator.Load(bundle).Validate;
        }

        _handler = new RetryHandler(HttpRetryPipeline.Create(options, Clock), options) { InnerHandler = sockets };
        Client = CreateClient();
    }

    /// <summary>The options in force.</summary>
    public HttpOptions Options { get; }

    /// <summary>The clock of the backoff waits.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The shared client (its own time-out is off: <see cref="HttpOptions.Timeout"/> applies per attempt).</summary>
    public HttpClient Client { get; }

    /// <summary>A new client over the same handlers and connections; disposing it leaves the stack open.</summary>
    public HttpClient CreateClient() => new(_handler, disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    public void Dispose()
    {
        Client.Dispose();
        _handler.Dispose();
    }
}
