using Pyfleet.Core.Storage;

namespace Pyfleet.Storage.Tests.Providers;

/// <summary>Base of the shared suite: every test starts with a fresh store opened through the factory.</summary>
public abstract class StoreTestBase<TProvider> : IClassFixture<TProvider>, IAsyncLifetime
    where TProvider : StoreProvider
{
    private readonly List<IPyfleetStore> _opened = [];

    protected StoreTestBase(TProvider provider) => Provider = provider;

    protected TProvider Provider { get; }

    /// <summary>This test's store location.</summary>
    protected DatabaseLocation Location { get; private set; } = null!;

    /// <summary>This test's store, opened (and migrated) before the test.</summary>
    protected IPyfleetStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Location = await Provider.CreateLocationAsync();
        Store = await OpenAsync(Location);
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }
    }

    /// <summary>Opens <paramref name="location"/> through the factory; closed after the test.</summary>
    protected async Task<IPyfleetStore> OpenAsync(DatabaseLocation location)
    {
        var store = await PyfleetStoreFactory.Instance.OpenAsync(location);
        _opened.Add(store);
        return store;
    }

    /// <summary>A second, empty store of the same engine.</summary>
    protected async Task<IPyfleetStore> OpenAnotherAsync() => await OpenAsync(await Provider.CreateLocationAsync());

    protected Task<long> CountAsync(string table) => Provider.CountAsync(Location, table);

    protected Task<object?> ExecuteAsync(string sql, params (string Name, object Value)[] parameters) => Provider.ScalarAsync(Location, sql, parameters);
}
