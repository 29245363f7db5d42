using System.Data.Common;
using Pyfleet.Core.Configuration;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Storage.Internal;

namespace Pyfleet.Core.Storage;

/// <summary>
/// Where the store is: a SQLite file, or a PostgreSQL database given as a libpq URL
/// (<c>postgresql://user[:password]@host[:port]/db?sslmode=require</c>, <c>postgres://</c> too) or an Npgsql
/// key-value string (<c>Host=db;Username=pyfleet;Database=pyfleet</c>). <see cref="ToString"/> shows the password
/// (and any other secret keyword) as <c>****</c>, so a location can go into any message, log or report.
/// </summary>
public sealed class DatabaseLocation
{
    /// <summary>The variable that names the store (an override of <c>[database] url</c> in config.toml).</summary>
    public const string EnvironmentVariable = "PYFLEET_DATABASE";

    /// <summary>The config key naming the store.</summary>
    public const string ConfigKey = "database.url";

    private readonly string _redacted;

    private DatabaseLocation(DatabaseEngine engine, string target, string redacted, string origin)
    {
        Engine = engine;
        Target = target;
        _redacted = redacted;
        Origin = origin;
    }

    /// <summary>The engine that holds the store.</summary>
    public DatabaseEngine Engine { get; }

    /// <summary>The SQLite file (full path) for <see cref="DatabaseEngine.Sqlite"/>, else null.</summary>
    public string? SqlitePath => Engine == DatabaseEngine.Sqlite ? Target : null;

    /// <summary>
    /// The Npgsql connection string for <see cref="DatabaseEngine.Postgres"/>, else null. It holds the password:
    /// give it to the driver, never to a message (use <see cref="ToString"/>).
    /// </summary>
    public string? ConnectionString => Engine == DatabaseEngine.Postgres ? Target : null;

    /// <summary>Where the choice came from: <c>--database</c>, <c>PYFLEET_DATABASE</c>, <c>config.toml</c> or <c>default</c>.</summary>
    public string Origin { get; }

    /// <summary>True for a SQLite file that does not exist yet (a command that only reads need not create it).</summary>
    public bool IsMissingFile => Engine == DatabaseEngine.Sqlite && !File.Exists(Target);

    private string Target { get; }

    /// <summary>The SQLite file at <paramref name="path"/> (made absolute).</summary>
    public static DatabaseLocation Sqlite(string path, string origin = "default")
    {
        var full = Path.GetFullPath(path);
        return new DatabaseLocation(DatabaseEngine.Sqlite, full, full, origin);
    }

    /// <summary>
    /// Reads a location: a <c>postgresql://</c> or <c>postgres://</c> URL, an Npgsql key-value string (its first
    /// keyword is a connection keyword such as <c>Host=</c>), <c>sqlite:PATH</c>, or else a SQLite file path
    /// (relative to <paramref name="baseDirectory"/>; <c>~/</c> is the user's home). Bad text is a
    /// <see cref="PyfleetException"/> whose message never contains the password.
    /// </summary>
    public static DatabaseLocation Parse(string text, string baseDirectory, string origin = "--database")
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new PyfleetException($"{origin}: the database location is empty");
        }

        if (LibpqUrl.IsUrl(trimmed))
        {
            var (connectionString, redacted) = LibpqUrl.ToConnectionString(trimmed, origin);
            return new DatabaseLocation(DatabaseEngine.Postgres, connectionString, redacted, origin);
        }

        if (KeyValueConnectionString.LooksLikeOne(trimmed))
        {
            var (connectionString, redacted) = KeyValueConnectionString.Normalize(trimmed, origin);
            return new DatabaseLocation(DatabaseEngine.Postgres, connectionString, redacted, origin);
        }

        var path = trimmed.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? trimmed["sqlite:".Length..] : trimmed;
        if (path.StartsWith("~/", StringComparison.Ordinal))
        {
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]);
        }

        return Sqlite(Path.GetFullPath(path, baseDirectory), origin);
    }

    /// <summary>
    /// The one place that decides the store: <paramref name="option"/> (<c>--database</c>, relative to
    /// <paramref name="currentDirectory"/>), else <c>PYFLEET_DATABASE</c> (likewise), else <c>[database] url</c> in
    /// config.toml (or its variable <c>PYFLEET_DATABASE_URL</c>; a relative path is in the data folder), else
    /// <c>pyfleet.db</c> in the data folder.
    /// </summary>
    public static DatabaseLocation Resolve(string? option, Func<string, string?> getEnvironment, PyfleetConfig config, PyfleetHome home, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(getEnvironment);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(home);
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Parse(option, currentDirectory, "--database");
        }

        if (getEnvironment(EnvironmentVariable) is { } variable && !string.IsNullOrWhiteSpace(variable))
        {
            return Parse(variable, currentDirectory, EnvironmentVariable);
        }

        if (config.GetString(ConfigKey) is { } configured && !string.IsNullOrWhiteSpace(configured))
        {
            return Parse(configured, home.Root, config.Path is null ? PyfleetConfig.EnvironmentVariableFor(ConfigKey) : "config.toml [database] url");
        }

        return Sqlite(home.DatabasePath);
    }

    /// <summary>True when the location carries a password (the CLI warns when one is passed on the command line).</summary>
    public bool HasPassword
    {
        get
        {
            if (Engine != DatabaseEngine.Postgres)
            {
                return false;
            }

            var builder = new DbConnectionStringBuilder { ConnectionString = Target };
            return KeyValueConnectionString.SecretKeys.Any(k => builder.ContainsKey(k));
        }
    }

    /// <summary>The location with every password as <c>****</c>.</summary>
    public override string ToString() => _redacted;
}
