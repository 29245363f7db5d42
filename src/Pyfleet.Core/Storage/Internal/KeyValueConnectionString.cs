using System.Data.Common;
using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Storage.Internal;

/// <summary>
/// Npgsql key-value connection strings (<c>Host=db;Port=5432;Username=pyfleet;Password=…;Database=pyfleet</c>),
/// read with the framework's <see cref="DbConnectionStringBuilder"/> (the same quoting rules Npgsql uses).
/// </summary>
internal static class KeyValueConnectionString
{
    /// <summary>Keywords whose values are secrets (Npgsql's spellings and aliases).</summary>
    public static readonly string[] SecretKeys = ["Password", "PSW", "PWD", "SSL Password", "SslPassword"];

    // The first keyword decides: a SQLite path may contain '=', but it does not start with "Host=".
    private static readonly HashSet<string> StartKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Server", "Port", "Database", "DB", "Username", "User Name", "User ID", "UserId", "User", "UID",
        "Password", "PSW", "PWD", "SSL Mode", "SslMode", "Timeout", "Application Name", "ApplicationName", "Options", "Search Path",
    };

    public static bool LooksLikeOne(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && StartKeywords.Contains(text[..equals].Trim());
    }

    /// <summary>The string as given (checked) and its redacted form.</summary>
    public static (string ConnectionString, string Redacted) Normalize(string text, string origin)
    {
        DbConnectionStringBuilder builder;
        try
        {
            builder = new DbConnectionStringBuilder { ConnectionString = text };
        }
        catch (ArgumentException)
        {
            // The framework's message quotes the text around the error, which may be the password.
            throw new PyfleetException($"{origin}: not a valid key-value connection string (Key=value;Key=value, values with ';' in quotes)");
        }

        return (builder.ConnectionString, Redact(builder));
    }

    /// <summary><paramref name="builder"/>'s string with every secret value as <c>****</c>.</summary>
    public static string Redact(DbConnectionStringBuilder builder)
    {
        var copy = new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString };
        foreach (var key in SecretKeys)
        {
            if (copy.ContainsKey(key))
            {
                copy[key] = "****";
            }
        }

        return copy.ConnectionString;
    }
}
