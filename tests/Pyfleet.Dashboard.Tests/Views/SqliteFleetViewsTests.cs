using Pyfleet.Core.Fleet;
using Pyfleet.Storage.Sqlite.Fleet;

namespace Pyfleet.Dashboard.Tests.Views;

public sealed class SqliteFleetViewsTests : FleetViewsContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pyfleet-views-").FullName;
    private int _next;

    protected override Task<IFleetStore> CreateStoreAsync() =>
        Task.FromResult<IFleetStore>(SqliteFleetStore.Open(Path.Combine(_folder, $"fleet-{Interlocked.Increment(ref _next)}.db")));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a connection still closing
        }
    }
}
