using Pyfleet.Core.Toml;

namespace Pyfleet.Core.Manifests.Internal;

/// <summary>Small typed look-ups over <see cref="TomlTable"/> used by the lock readers.</summary>
internal static class TomlHelpers
{
    /// <summary>The array-of-tables at <paramref name="key"/> (empty when absent).</summary>
    public static IEnumerable<TomlTable> TablesAt(this TomlTable table, string key) =>
        table.GetArray(key)?.Tables ?? [];

    /// <summary>The entries of a table that may be absent.</summary>
    public static IEnumerable<KeyValuePair<string, TomlNode>> Entries(this TomlTable? table) =>
        table is null ? [] : table;

    /// <summary>Strings of the array at <paramref name="key"/> with their lines.</summary>
    public static IEnumerable<(string Text, int Line)> StringsAt(this TomlTable table, string key)
    {
        if (table.GetArray(key) is not { } array)
        {
            yield break;
        }

        foreach (var item in array)
        {
            if (item is TomlValue { Value: string s })
            {
                yield return (s, item.Line);
            }
        }
    }

    /// <summary>The major and minor of a version string like <c>2.1</c> or <c>4.5.0</c>; null when not numeric.</summary>
    public static (int Major, int Minor)? MajorMinor(string? version)
    {
        if (version is null)
        {
            return null;
        }

        var parts = version.Split('.');
        return int.TryParse(parts[0], out var major)
            ? (major, parts.Length > 1 && int.TryParse(parts[1], out var minor) ? minor : 0)
            : null;
    }
}
