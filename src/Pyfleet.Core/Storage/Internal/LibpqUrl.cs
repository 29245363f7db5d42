using System.Data.Common;
using System.Text;
using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Storage.Internal;

/// <summary>
/// libpq connection URIs turned into Npgsql key-value strings:
/// <c>postgresql://[user[:password]@][host[:port][,host[:port]…]][/dbname][?param=value&amp;…]</c>
/// (https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS). Every part is
/// percent-decoded; query parameters override the parts before them, as in libpq; an unknown parameter is an error
/// rather than silently dropped (a dropped <c>sslmode=require</c> would downgrade the connection).
/// </summary>
internal static class LibpqUrl
{
    // libpq parameter → Npgsql keyword. sslmode's values are mapped separately.
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["host"] = "Host",
        ["hostaddr"] = "Host",
        ["port"] = "Port",
        ["dbname"] = "Database",
        ["user"] = "Username",
        ["password"] = "Password",
        ["passfile"] = "Passfile",
        ["sslmode"] = "SSL Mode",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["options"] = "Options",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["target_session_attrs"] = "Target Session Attributes",
        ["client_encoding"] = "Client Encoding",
        ["channel_binding"] = "Channel Binding",
        ["gssencmode"] = "GSS Encryption Mode",
        ["krbsrvname"] = "Kerberos Service Name",
    };

    private static readonly Dictionary<string, string> SslModes = new(StringComparer.Ordinal)
    {
        ["disable"] = "Disable",
        ["allow"] = "Allow",
        ["prefer"] = "Prefer",
        ["require"] = "Require",
        ["verify-ca"] = "VerifyCA",
        ["verify-full"] = "VerifyFull",
    };

    public static bool IsUrl(string text) =>
        text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Npgsql connection string for <paramref name="url"/>, and the URL with its passwords as <c>****</c>.</summary>
    public static (string ConnectionString, string Redacted) ToConnectionString(string url, string origin)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = url[(schemeEnd + 3)..];
        var query = "";
        if (rest.IndexOf('?', StringComparison.Ordinal) is var q and >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash >= 0 ? rest[..slash] : rest;
        var path = slash >= 0 ? rest[(slash + 1)..] : "";
        var builder = new DbConnectionStringBuilder();
        var redacted = new StringBuilder(url[..(schemeEnd + 3)]);

        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var user = colon >= 0 ? userInfo[..colon] : userInfo;
            SetIfPresent(builder, "Username", Decode(user, origin));
            redacted.Append(user);
            if (colon >= 0)
            {
                builder["Password"] = Decode(userInfo[(colon + 1)..], origin);
                redacted.Append(":****");
            }

            redacted.Append('@');
            authority = authority[(at + 1)..];
        }

        SetHosts(builder, authority, origin);
        redacted.Append(authority);
        SetIfPresent(builder, "Database", Decode(path, origin));
        if (slash >= 0)
        {
            redacted.Append('/').Append(path);
        }

        AddQuery(builder, redacted, query, origin);
        return (builder.ConnectionString, redacted.ToString());
    }

    private static void SetHosts(DbConnectionStringBuilder builder, string authority, string origin)
    {
        if (authority.Length == 0)
        {
            return; // libpq's default: the local Unix socket (Npgsql: PGHOST, else a ?host= parameter)
        }

        var items = authority.Split(',');
        if (items.Length == 1)
        {
            var (host, port) = SplitHostPort(authority, origin);
            SetIfPresent(builder, "Host", host);
            SetIfPresent(builder, "Port", port);
            return;
        }

        // Npgsql's multi-host form: host:port,host:port (an IPv6 host in brackets).
        builder["Host"] = string.Join(',', items.Select(item => SplitHostPort(item, origin)).Select(h =>
            h.Port is null ? h.Host : $"{(h.Host.Contains(':', StringComparison.Ordinal) ? $"[{h.Host}]" : h.Host)}:{h.Port}"));
    }

    private static (string Host, string? Port) SplitHostPort(string item, string origin)
    {
        string host;
        string? port = null;
        if (item.StartsWith('['))
        {
            var close = item.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new PyfleetException($"{origin}: an IPv6 host in the database URL lacks its closing ']'");
            }

            host = item[1..close];
            if (item.Length > close + 1)
            {
                port = item[(close + 1)..].StartsWith(':') ? item[(close + 2)..] : throw new PyfleetException($"{origin}: unexpected text after the IPv6 host in the database URL");
            }
        }
        else
        {
            var colon = item.LastIndexOf(':');
            host = colon >= 0 ? item[..colon] : item;
            port = colon >= 0 ? item[(colon + 1)..] : null;
        }

        if (port is not null && (port.Length == 0 || !port.All(char.IsAsciiDigit)))
        {
            throw new PyfleetException($"{origin}: the database URL's port must be a number, not '{port}'");
        }

        return (Decode(host, origin), port);
    }

    private static void AddQuery(DbConnectionStringBuilder builder, StringBuilder redacted, string query, string origin)
    {
        var separator = '?';
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals >= 0 ? pair[..equals] : pair, origin);
            var value = Decode(equals >= 0 ? pair[(equals + 1)..] : "", origin);
            if (!Parameters.TryGetValue(name, out var keyword))
            {
                throw new PyfleetException($"{origin}: unknown parameter '{name}' in the database URL (known: {string.Join(", ", Parameters.Keys)})");
            }

            var secret = name is "password" or "sslpassword";
            builder[keyword] = name == "sslmode"
                ? SslModes.GetValueOrDefault(value) ?? throw new PyfleetException($"{origin}: sslmode must be one of {string.Join(", ", SslModes.Keys)}, not '{value}'")
                : value;
            redacted.Append(separator).Append(equals >= 0 ? pair[..equals] : pair).Append('=').Append(secret ? "****" : (equals >= 0 ? pair[(equals + 1)..] : ""));
            separator = '&';
        }
    }

    private static void SetIfPresent(DbConnectionStringBuilder builder, string keyword, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            builder[keyword] = value;
        }
    }

    private static string Decode(string text, string origin)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        // Strict percent-decoding (libpq rejects "%zz" and a truncated escape), as UTF-8.
        var bytes = new List<byte>(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var percent = text.IndexOf('%', i);
            if (percent < 0)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i..]));
                break;
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(text[i..percent]));
            if (percent + 2 >= text.Length || !Uri.IsHexDigit(text[percent + 1]) || !Uri.IsHexDigit(text[percent + 2]))
            {
                throw new PyfleetException($"{origin}: invalid percent-encoding in the database URL");
            }

            bytes.Add(Convert.ToByte(text.Substring(percent + 1, 2), 16));
            i = percent + 3;
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
