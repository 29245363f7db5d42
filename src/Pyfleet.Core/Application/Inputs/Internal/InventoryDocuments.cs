using Pyfleet.Core.Inventory;
using Pyfleet.Core.IO;

namespace Pyfleet.Core.Application.Inputs.Internal;

/// <summary>
/// Opens an inventory document as a memory-mapped file: the header (and the whole document's JSON syntax) is
/// checked now, so a corrupt file is an error before any output; environments are read as they are asked for.
/// </summary>
internal static class InventoryDocuments
{
    public static InventorySource Open(string path, string physical, InventorySourceOptions options)
    {
        var mapped = MappedFile.Open(physical);
        try
        {
            var document = InventoryReader.Open(mapped.Memory, path);
            return new InventorySource
            {
                Path = path,
                Kind = InventorySourceKind.InventoryDocument,
                Host = document.Host,
                ScannedAt = document.ScannedAt,
                Environments = EnvironmentLabeling.Apply(document.ReadEnvironments(options.Strings), options.Labels),
                Warnings = document.Warnings,
                Errors = document.Errors,
                Resource = new DisposeOnce(mapped),
            };
        }
        catch
        {
            ((IDisposable)mapped).Dispose();
            throw;
        }
    }
}
