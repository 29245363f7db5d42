namespace Pyfleet.Core.Storage;

/// <summary>
/// One opened, migrated store (a SQLite file or a PostgreSQL database) and its per-area stores. Made by an
/// <see cref="IPyfleetStoreFactory"/>; a later area (tokens, fleet data) adds its property here and its
/// migrations beside each engine (<c>Pyfleet.Storage/&lt;Engine&gt;/Migrations/</c>).
/// </summary>
public interface IPyfleetStore : IDisposable, IAsyncDisposable
{
    /// <summary>Where the store is; its <c>ToString()</c> never shows a password.</summary>
    DatabaseLocation Location { get; }

    /// <summary>Synced OSV advisories.</summary>
    IAdvisoryStore Advisories { get; }

    /// <summary>Stored scans.</summary>
    ISnapshotStore Snapshots { get; }

    /// <summary>Fleet server data: tokens, hosts, pushed snapshots and the who index (docs/fleet.md).</summary>
    Fleet.IFleetStore Fleet { get; }
}
