using System.Text;

namespace Pyfleet.Core.Manifests.Internal;

/// <summary>
/// Picks a reader from a file's first bytes when its name says nothing (a lock file renamed or copied as
/// <c>deploy.lock</c>): JSON with <c>_meta</c> is a Pipfile.lock, TOML with PEP 751 <c>lock-version</c> a pylock,
/// <c>lock_version</c> a pdm.lock, <c>content-hash</c> a poetry.lock, top-level <c>version = 1</c> with
/// <c>[[package]]</c> a uv.lock, <c>[project]</c>/<c>[tool.poetry]</c> a pyproject; anything else that reads as
/// text is tried as a pip requirements file.
/// </summary>
internal static class ContentSniffer
{
    public static IManifestReader? Sniff(string path, IReadOnlyList<IManifestReader> readers)
    {
        string head;
        try
        {
            var buffer = IO.RegularFile.ReadPrefix(path, 16 * 1024);
            var read = buffer.Length;
            if (buffer.AsSpan(0, read).Contains((byte)0))
            {
                return null; // binary
            }

            head = Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (IO.InputFileException)
        {
            throw; // a FIFO or device: say so rather than "not a recognised file"
        }
        catch (IOException)
        {
            return null;
        }

        var kind = head.TrimStart() switch
        {
            var t when t.StartsWith('{') && t.Contains("\"_meta\"", StringComparison.Ordinal) => Inventory.EnvironmentKinds.PipfileLock,
            var t when t.Contains("[[packages]]", StringComparison.Ordinal) && t.Contains("lock-version", StringComparison.Ordinal) => Inventory.EnvironmentKinds.PyLock,
            var t when t.Contains("lock_version", StringComparison.Ordinal) && t.Contains("[[package]]", StringComparison.Ordinal) => Inventory.EnvironmentKinds.PdmLock,
            var t when t.Contains("content-hash", StringComparison.Ordinal) && t.Contains("[[package]]", StringComparison.Ordinal) => Inventory.EnvironmentKinds.PoetryLock,
            var t when t.StartsWith("version = ", StringComparison.Ordinal) && t.Contains("[[package]]", StringComparison.Ordinal) => Inventory.EnvironmentKinds.UvLock,
            var t when t.Contains("[project]", StringComparison.Ordinal) || t.Contains("[tool.poetry", StringComparison.Ordinal) => Inventory.EnvironmentKinds.Pyproject,
            _ => Inventory.EnvironmentKinds.Requirements,
        };
        return readers.FirstOrDefault(r => r.Kind == kind);
    }
}
