using System.IO.Compression;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Fleet.Views;

/// <summary>Reads one stored environment back: the gzip of a one-environment document (<see cref="SnapshotContent"/>).</summary>
public static class EnvironmentContent
{
    public static PythonEnvironment Read(byte[] content, string path)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var input = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return InventoryJson.Deserialize(output.ToArray(), path).Environments.Single();
    }
}
