namespace Pyfleet.Core.Fleet.Client;

/// <summary>
/// The agent's outbox in the data folder (<c>spool/</c>): every scan is written here (fsync'd, then renamed into
/// place) before it is sent and deleted only once the server acknowledged it, so nothing is lost across a server
/// outage or an agent crash; files are sent oldest first, and the server's content hash makes a resend after a
/// lost acknowledgement a no-op, so nothing is duplicated either.
/// </summary>
public sealed class AgentSpool(string folder)
{
    public string Folder { get; } = folder;

    /// <summary>Adds a document's JSON; returns its file.</summary>
    public string Add(ReadOnlySpan<byte> json, DateTimeOffset at)
    {
        Directory.CreateDirectory(Folder);
        var name = $"{at.UtcDateTime:yyyyMMddTHHmmssfffffff}-{Guid.NewGuid():N}.json";
        var temporary = Path.Combine(Folder, name + ".tmp");
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(json);
            stream.Flush(flushToDisk: true);
        }

        var path = Path.Combine(Folder, name);
        File.Move(temporary, path);
        return path;
    }

    /// <summary>Spooled documents, oldest first.</summary>
    public IReadOnlyList<string> Pending() => Directory.Exists(Folder)
        ? Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>Moves a document the server refused for good (4xx) aside, so it does not block the queue.</summary>
    public string Reject(string path)
    {
        var rejected = Path.Combine(Folder, "rejected");
        Directory.CreateDirectory(rejected);
        var target = Path.Combine(rejected, Path.GetFileName(path));
        File.Move(path, target, overwrite: true);
        return target;
    }
}
