using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Pyfleet.Testing.Http;

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 with an ephemeral port (TcpListener, no mocks): tests register a handler
/// that answers recorded upstream files, ETag/304, 429 with Retry-After, 500 or truncated bodies. One request per
/// connection (<c>Connection: close</c>), which keeps the protocol handling small and honest. Given a certificate
/// it speaks HTTPS (TLS on the same loopback port).
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<LoopbackServerRequest, LoopbackServerResponse> _handler;
    private readonly Task _loop;
    private readonly X509Certificate2? _certificate;

    public LoopbackServer(Func<LoopbackServerRequest, LoopbackServerResponse> handler, X509Certificate2? certificate = null)
    {
        _handler = handler;
        _certificate = certificate;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseUri = new Uri($"{(certificate is null ? "http" : "https")}://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<LoopbackServerRequest> Requests { get; } = new();

    /// <summary>An OSV-bucket-like handler: serves <paramref name="files"/> by path with a strong ETag and answers 304 to a matching If-None-Match.</summary>
    public static Func<LoopbackServerRequest, LoopbackServerResponse> Bucket(IReadOnlyDictionary<string, string> files) => request =>
    {
        if (!files.TryGetValue(request.Path, out var file))
        {
            return LoopbackServerResponse.Text(404, "<?xml version='1.0' encoding='UTF-8'?><Error><Code>NoSuchKey</Code></Error>");
        }

        var etag = $"\"{Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.IO.File.ReadAllBytes(file)))}\"";
        return request.Header("If-None-Match") == etag ? LoopbackServerResponse.NotModified(etag) : LoopbackServerResponse.File(file, etag);
    };

    public Uri Url(string path) => new(BaseUri, path.TrimStart('/'));

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with an exception when the listener stops.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var tls = new SslStream(stream);
                    await tls.AuthenticateAsServerAsync(_certificate);
                    stream = tls;
                }

                await using var _ = stream;
                var request = await ReadRequestAsync(stream);
                if (request is null)
                {
                    return;
                }

                Requests.Enqueue(request);
                LoopbackServerResponse response;
                try
                {
                    response = _handler(request);
                }
                catch (Exception ex)
                {
                    response = LoopbackServerResponse.Text(500, $"handler failed: {ex.Message}");
                }

                await WriteResponseAsync(stream, response, request.Method == "HEAD", _stop.Token);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
            {
                // The client went away (it cancelled, timed out or refused the certificate); nothing to answer.
            }
        }
    }

    private static async Task<LoopbackServerRequest?> ReadRequestAsync(Stream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var parts = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p.Length > 1 ? p[1].Trim() : "");
        var body = Array.Empty<byte>();
        if (headers.TryGetValue("content-length", out var lengthText) && int.TryParse(lengthText, out var length) && length > 0)
        {
            body = new byte[length];
            await stream.ReadExactlyAsync(body);
        }

        var path = parts[1].Split('?')[0];
        return new LoopbackServerRequest(parts[0], Uri.UnescapeDataString(path), headers, body);
    }

    private static async Task WriteResponseAsync(Stream stream, LoopbackServerResponse response, bool headOnly, CancellationToken stop)
    {
        if (response.StallFor is { } before && response.TruncateAfter is null)
        {
            await Task.Delay(before, stop);
        }

        var text = new StringBuilder();
        text.Append($"HTTP/1.1 {response.Status} {ReasonPhrase(response.Status)}\r\n");
        text.Append($"Content-Length: {response.Body.Length}\r\n");
        text.Append("Connection: close\r\n");
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            text.Append($"{name}: {value}\r\n");
        }

        text.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()));
        if (!headOnly && response.Status != 304)
        {
            var count = Math.Min(response.TruncateAfter ?? response.Body.Length, response.Body.Length);
            await stream.WriteAsync(response.Body.AsMemory(0, count));
            if (response.StallFor is { } after && response.TruncateAfter is not null)
            {
                await stream.FlushAsync();
                await Task.Delay(after, stop);
            }
        }

        await stream.FlushAsync();
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        304 => "Not Modified",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
