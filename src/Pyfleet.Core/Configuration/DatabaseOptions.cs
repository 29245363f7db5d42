namespace Pyfleet.Core.Configuration;

/// <summary><c>[database]</c>: the store.</summary>
public sealed record DatabaseOptions
{
    /// <summary><c>database.url</c> (<c>PYFLEET_DATABASE_URL</c>): a PostgreSQL URL; null: SQLite in the data folder.</summary>
    public string? Url { get; init; }
}
