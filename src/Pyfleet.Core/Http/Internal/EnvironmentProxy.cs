using System.Net;
using Pyfleet.Core.Configuration;
using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Http.Internal;

/// <summary>
/// The proxy of <see cref="HttpStack"/>: <c>http.proxy</c> for every scheme, else the variables curl, pip and
/// requests read — <c>https_proxy</c> for https URLs, <c>http_proxy</c> for http ones, <c>all_proxy</c> for
/// both (lower case first, then upper case). <c>http.no-proxy</c>, else <c>no_proxy</c>/<c>NO_PROXY</c>, lists hosts
/// reached directly: <c>*</c> (every host), a name (itself and its sub-domains; a leading dot is the same),
/// <c>host:port</c>, an IP address or a CIDR range. Credentials in the proxy URL are sent to the proxy.
/// </summary>
internal sealed class EnvironmentProxy : IWebProxy
{
    private readonly Uri? _https;
    private readonly Uri? _http;
    private readonly IReadOnlyList<string> _bypass;

    private EnvironmentProxy(Uri? https, Uri? http, IReadOnlyList<string> bypass)
    {
        _https = https;
        _http = http;
        _bypass = bypass;
        var user = (https ?? http)?.UserInfo;
        if (user is { Length: > 0 })
        {
            var colon = user.IndexOf(':', StringComparison.Ordinal);
            Credentials = colon < 0
                ? new NetworkCredential(Uri.UnescapeDataString(user), "")
                : new NetworkCredential(Uri.UnescapeDataString(user[..colon]), Uri.UnescapeDataString(user[(colon + 1)..]));
        }
    }

    public ICredentials? Credentials { get; set; }

    /// <summary>The proxy for <paramref name="options"/>, or null when none is configured (direct connections).</summary>
    public static EnvironmentProxy? Create(HttpOptions options, Func<string, string?> getEnvironment)
    {
        string? Variable(string name) => getEnvironment(name) is { Length: > 0 } lower ? lower
            : getEnvironment(name.ToUpperInvariant()) is { Length: > 0 } upper ? upper : null;

        Uri? https, http;
        if (options.Proxy is { Length: > 0 } configured)
        {
            https = http = Parse(configured, "http.proxy");
        }
        else
        {
            var all = Variable("all_proxy");
            https = Parse(Variable("https_proxy") ?? all, "https_proxy");
            http = Parse(Variable("http_proxy") ?? all, "http_proxy");
        }

        if (https is null && http is null)
        {
            return null;
        }

        var bypass = options.NoProxy.Count > 0 ? options.NoProxy
            : (Variable("no_proxy") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new EnvironmentProxy(https, http, bypass);
    }

    public Uri? GetProxy(Uri destination) =>
        IsBypassed(destination) ? null : destination.Scheme == Uri.UriSchemeHttps ? _https : _http;

    public bool IsBypassed(Uri host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = host.IdnHost.TrimEnd('.');
        foreach (var entry in _bypass)
        {
            if (Matches(entry, name, host.Port))
            {
                return true;
            }
        }

        return (host.Scheme == Uri.UriSchemeHttps ? _https : _http) is null;
    }

    private static bool Matches(string entry, string host, int port)
    {
        if (entry == "*")
        {
            return true;
        }

        if (IPNetwork.TryParse(entry, out var network))
        {
            return IPAddress.TryParse(host.Trim('[', ']'), out var address) && network.Contains(address);
        }

        var pattern = entry;
        var colon = entry.LastIndexOf(':');
        if (colon > 0 && !entry.Contains(']', StringComparison.Ordinal) && int.TryParse(entry[(colon + 1)..], out var wanted))
        {
            if (wanted != port)
            {
                return false;
            }

            pattern = entry[..colon];
        }

        pattern = pattern.Trim('[', ']').TrimStart('*').TrimStart('.').TrimEnd('.');
        return host.Trim('[', ']').Equals(pattern, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + pattern, StringComparison.OrdinalIgnoreCase);
    }

    private static Uri? Parse(string? text, string source)
    {
        if (text is null)
        {
            return null;
        }

        // curl and requests accept a bare host:port and mean http://host:port.
        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        return Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new PyfleetException($"{source}: '{UrlRedactor.Redact(text)}' is not an http:// proxy URL");
    }
}
