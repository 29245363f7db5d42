using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.IO;

namespace Pyfleet.Core.Application.Inputs.Internal;

/// <summary>Tells inventory documents (<c>pyfleet scan --format json</c>) from other files given as inputs.</summary>
internal static class InventoryFileSniffer
{
    /// <summary>True when the file starts like an inventory document (its first 4 KiB are enough).</summary>
    public static bool LooksLikeInventory(string path)
    {
        byte[] head;
        try
        {
            head = RegularFile.ReadPrefix(path, 4096); // refuses FIFOs, devices and dangling links
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PyfleetException(ex is UnauthorizedAccessException ? "permission denied" : ex.Message, path, null, ex);
        }

        return InventoryJson.LooksLikeInventory(System.Text.Encoding.UTF8.GetString(head));
    }
}
