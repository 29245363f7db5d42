namespace Pyfleet.Core.Storage;

/// <summary>Opens the store a <see cref="DatabaseLocation"/> names with the right engine, creating and migrating it first.</summary>
public interface IPyfleetStoreFactory
{
    /// <summary>Opens (creating when missing) and migrates the store; a store that cannot be reached is a <see cref="Errors.PyfleetException"/>.</summary>
    Task<IPyfleetStore> OpenAsync(DatabaseLocation location, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="OpenAsync"/>, synchronously: the audit opens the store on a worker thread at start-up, where an
    /// async state machine would be JIT-compiled at run time (see <see cref="IAdvisoryStore.Sources"/>).
    /// </summary>
    IPyfleetStore Open(DatabaseLocation location);
}
