namespace Pyfleet.Core.Releases.Indexes;

/// <summary>
/// The index settings of pip's INI configuration (<c>pip.conf</c>): <c>index-url</c> and <c>extra-index-url</c>
/// (whitespace/newline separated, continuation lines indented) from <c>[global]</c>, overridden by
/// <c>[install]</c>, with later files winning. https://pip.pypa.io/en/stable/topics/configuration/
/// </summary>
public sealed record PipConfig(string? IndexUrl, IReadOnlyList<string> ExtraIndexUrls)
{
    /// <summary>The files pip reads, in increasing priority: global, user, then <c>$PIP_CONFIG_FILE</c>.</summary>
    public static IReadOnlyList<string> DefaultFiles(Func<string, string?> getEnvironment)
    {
        var files = new List<string> { "/etc/pip.conf", "/etc/xdg/pip/pip.conf" };
        var home = getEnvironment("HOME");
        var xdg = getEnvironment("XDG_CONFIG_HOME");
        if (!string.IsNullOrEmpty(home))
        {
            files.Add(Path.Combine(home, ".pip", "pip.conf"));
        }

        if (!string.IsNullOrEmpty(xdg) || !string.IsNullOrEmpty(home))
        {
            files.Add(Path.Combine(!string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(home!, ".config"), "pip", "pip.conf"));
        }

        if (getEnvironment("PIP_CONFIG_FILE") is { Length: > 0 } explicitFile && explicitFile != "os.devnull")
        {
            files.Add(explicitFile);
        }

        return files;
    }

    /// <summary>Reads <paramref name="files"/> (missing ones skipped), later overriding earlier, <c>[install]</c> over <c>[global]</c>.</summary>
    public static PipConfig Load(IEnumerable<string> files)
    {
        string? index = null;
        IReadOnlyList<string> extras = [];
        foreach (var file in files.Where(File.Exists))
        {
            var sections = ParseIni(File.ReadAllLines(file));
            foreach (var section in new[] { "global", "install" })
            {
                if (sections.TryGetValue(section, out var values))
                {
                    if (values.TryGetValue("index-url", out var i))
                    {
                        index = i.Trim();
                    }

                    if (values.TryGetValue("extra-index-url", out var e))
                    {
                        extras = e.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                    }
                }
            }
        }

        return new PipConfig(index, extras);
    }

    /// <summary>configparser-style INI: <c>key = value</c> or <c>key: value</c>, indented continuation lines, <c>#</c>/<c>;</c> comments.</summary>
    internal static Dictionary<string, Dictionary<string, string>> ParseIni(IEnumerable<string> lines)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        Dictionary<string, string>? current = null;
        string? lastKey = null;
        foreach (var raw in lines)
        {
            var trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (char.IsWhiteSpace(raw[0]) && current is not null && lastKey is not null)
            {
                current[lastKey] += "\n" + trimmed;
                continue;
            }

            if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
            {
                var name = trimmed[1..^1].Trim();
                current = sections.TryGetValue(name, out var existing) ? existing : sections[name] = new(StringComparer.OrdinalIgnoreCase);
                lastKey = null;
                continue;
            }

            var separator = trimmed.IndexOfAny(['=', ':']);
            if (separator > 0 && current is not null)
            {
                // pip normalises option names: underscores and dashes are the same.
                lastKey = trimmed[..separator].Trim().Replace('_', '-').ToLowerInvariant();
                current[lastKey] = trimmed[(separator + 1)..].Trim();
            }
        }

        return sections;
    }
}
