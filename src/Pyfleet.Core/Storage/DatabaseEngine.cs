namespace Pyfleet.Core.Storage;

/// <summary>The database engines a store can live in.</summary>
public enum DatabaseEngine
{
    /// <summary>One SQLite file (the default: <c>pyfleet.db</c> in the data folder).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (a fleet server, or several hosts sharing one store).</summary>
    Postgres,
}
