using Pyfleet.Core.Storage;
using Pyfleet.Storage.Sqlite;

namespace Pyfleet.Server.Tests.Storage;

public sealed class SqliteFleetStoreTests : FleetStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pyfleet-fleet-").FullName;

    protected override string TempFolder => _folder;

    protected override Task<IPyfleetStore> CreateWholeStoreAsync() =>
        Task.FromResult<IPyfleetStore>(SqliteStore.Open(Path.Combine(_folder, $"{Guid.NewGuid():N}.db")));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
