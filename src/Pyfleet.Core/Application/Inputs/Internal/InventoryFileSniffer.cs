using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Application.Inputs.Internal;

/// <summary>Tells inventory documents (<c>pyfleet scan --format json</c>) from other files given as inputs.</summary>
internal static class InventoryFileSniffer
{
    /// <summary>True when the file starts like an inventory document (its first 4 KiB are enough).</summary>
    public static bool LooksLikeInventory(string path)
    {
        using var reader = new StreamReader(path);
        var head = new char[4096];
        var read = reader.ReadBlock(head, 0, head.Length);
        return InventoryJson.LooksLikeInventory(head.AsSpan(0, read));
    }
}
