namespace Pyfleet.Core.Policy.Installed;

/// <summary>
/// The headers of a core-metadata file (<c>METADATA</c>), read like <c>email.parser</c> with compat32: <c>Name: value</c>,
/// continuation lines start with whitespace, a blank line ends the headers (FORMATS.md §4.2). Only the fields the
/// lint rules use are kept.
/// </summary>
internal static class CoreMetadataReader
{
    public static InstalledDistribution? Read(string path)
    {
        string? name = null;
        string? version = null;
        var requires = new List<string>();
        string? currentKey = null;
        string? currentValue = null;

        void Flush()
        {
            switch (currentKey?.ToLowerInvariant())
            {
                case "name":
                    name ??= currentValue;
                    break;
                case "version":
                    version ??= currentValue;
                    break;
                case "requires-dist" when currentValue is not null:
                    requires.Add(currentValue);
                    break;
            }

            currentKey = currentValue = null;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                break;
            }

            if (char.IsWhiteSpace(line[0]) && currentKey is not null)
            {
                currentValue += " " + line.Trim();
                continue;
            }

            Flush();
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                currentKey = line[..colon].Trim();
                currentValue = line[(colon + 1)..].Trim();
            }
        }

        Flush();
        return name is null || version is null
            ? null
            : new InstalledDistribution(Packaging.Names.PackageName.Normalize(name), version, requires, path);
    }
}
