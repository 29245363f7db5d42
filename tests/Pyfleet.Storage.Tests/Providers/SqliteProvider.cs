using System.Data.Common;
using Microsoft.Data.Sqlite;
using Pyfleet.Core.Storage;

namespace Pyfleet.Storage.Tests.Providers;

/// <summary>SQLite: a new file per test in the class's temp folder.</summary>
public sealed class SqliteProvider : StoreProvider, IDisposable
{
    private int _files;

    public string Folder { get; } = Directory.CreateTempSubdirectory("pyfleet-store-").FullName;

    public override string EngineFolder => "Sqlite";

    public override Task<DatabaseLocation> CreateLocationAsync() =>
        Task.FromResult(DatabaseLocation.Sqlite(Path.Combine(Folder, $"store-{Interlocked.Increment(ref _files)}.db")));

    public override async Task<DbConnection> ConnectAsync(DatabaseLocation location)
    {
        var connection = new SqliteConnection($"Data Source={location.SqlitePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
