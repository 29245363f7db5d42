using Pyfleet.Storage.Tests.Providers;

namespace Pyfleet.Storage.Tests.Snapshots;

/// <summary>The shared snapshot suite on PostgreSQL.</summary>
public sealed class PostgresSnapshotStoreTests(PostgresProvider provider) : SnapshotStoreTests<PostgresProvider>(provider);
