using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Scanning.Internal;

/// <summary>The host's name and <c>/etc/os-release</c> (under the root prefix when one is given).</summary>
internal static class HostProbe
{
    public static HostInfo Describe(PathMap paths, string? explicitName)
    {
        var name = explicitName;
        if (name is null && paths.HasRoot)
        {
            name = SafeFirstLine(paths.ToPhysical("/etc/hostname"));
        }

        return new HostInfo { Name = name ?? Environment.MachineName, Os = ReadOsRelease(paths.ToPhysical("/etc/os-release")) };
    }

    // https://www.freedesktop.org/software/systemd/man/latest/os-release.html: KEY=value, value optionally quoted.
    private static OperatingSystemInfo? ReadOsRelease(string path)
    {
        string? text;
        try
        {
            text = SmallFiles.ReadText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }

        if (text is null)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var equals = line.IndexOf('=');
            if (equals > 0 && !line.StartsWith('#'))
            {
                values[line[..equals].Trim()] = line[(equals + 1)..].Trim().Trim('"', '\'');
            }
        }

        return values.TryGetValue("ID", out var id)
            ? new OperatingSystemInfo(id, values.GetValueOrDefault("VERSION_ID"), values.GetValueOrDefault("VERSION_CODENAME"), values.GetValueOrDefault("PRETTY_NAME"))
            : null;
    }

    private static string? SafeFirstLine(string path)
    {
        try
        {
            return SmallFiles.ReadFirstLine(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
