using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Fleet;

/// <summary>Finds an environment of a document by its path, given with or without the leading slash (as in a URL).</summary>
public static class EnvironmentLookup
{
    public static PythonEnvironment? Find(InventoryDocument document, string path)
    {
        ArgumentNullException.ThrowIfNull(document);
        var wanted = path.Trim('/');
        return document.Environments.FirstOrDefault(e => string.Equals(e.Path.Trim('/'), wanted, StringComparison.Ordinal));
    }
}
