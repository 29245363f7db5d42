using Npgsql;

namespace Pyfleet.Storage.Fleet.Internal;

/// <summary>libpq URLs (<c>postgresql://user:password@host:port/db?sslmode=require</c>) to Npgsql connection strings.</summary>
internal static class PostgresUrl
{
    public static string? ToConnectionString(string database)
    {
        if (!database.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) && !database.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return database.Contains('=', StringComparison.Ordinal) ? new NpgsqlConnectionStringBuilder(database).ConnectionString : null;
        }

        var uri = new Uri(database);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = string.IsNullOrEmpty(uri.Host) ? "localhost" : uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/')) is { Length: > 0 } db ? db : null,
        };
        if (uri.UserInfo.Split(':', 2) is [var user, ..] && user.Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user);
            if (uri.UserInfo.Split(':', 2) is [_, var password])
            {
                builder.Password = Uri.UnescapeDataString(password);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, Uri.UnescapeDataString(v)) : (pair, "");
            if (string.Equals(key, "sslmode", StringComparison.OrdinalIgnoreCase) && Enum.TryParse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), true, out var mode))
            {
                builder.SslMode = mode;
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>host:port/db, without user or password, for messages.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
