using Pyfleet.Core.Fleet;
using Pyfleet.Storage.Sqlite.Fleet;

namespace Pyfleet.Server.Tests.Storage;

public sealed class SqliteFleetStoreTests : FleetStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pyfleet-fleet-").FullName;

    protected override Task<IFleetStore> CreateStoreAsync() =>
        Task.FromResult<IFleetStore>(SqliteFleetStore.Open(Path.Combine(_folder, $"{Guid.NewGuid():N}.db")));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
