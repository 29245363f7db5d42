using Microsoft.Extensions.Configuration;
using Pyfleet.Core.Configuration.Internal;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Toml;

namespace Pyfleet.Core.Configuration;

/// <summary>
/// Binds <see cref="PyfleetOptions"/>: for the CLI from <c>config.toml</c> with <c>PYFLEET_*</c> variables over it,
/// for the server from an <see cref="IConfiguration"/> section. A bad value is an error that names its origin (the
/// variable, or the file and line); an unknown key or section is a warning (a typo), with the nearest known one.
/// </summary>
public static class PyfleetOptionsLoader
{
    /// <summary>Loads <paramref name="home"/>'s <c>config.toml</c> (when present) and the environment.</summary>
    public static PyfleetSettings Load(PyfleetHome home, Func<string, string?> getEnvironment) => LoadFile(home.ConfigPath, getEnvironment);

    /// <summary>Loads the TOML file at <paramref name="path"/> (when present) and the environment.</summary>
    public static PyfleetSettings LoadFile(string path, Func<string, string?> getEnvironment)
    {
        TomlTable? root = null;
        if (File.Exists(path))
        {
            try
            {
                root = TomlParser.ParseFile(path);
            }
            catch (IOException ex)
            {
                throw new PyfleetException($"cannot read config: {ex.Message}", path, inner: ex);
            }
        }

        var warnings = new List<string>();
        var options = new PyfleetOptions();
        var fromFile = root is null ? [] : Flatten(root, path, warnings);
        foreach (var key in PyfleetOptionKeys.All)
        {
            var variable = PyfleetOptionKeys.EnvironmentVariableFor(key);
            var value = getEnvironment(variable) is { Length: > 0 } text
                ? new OptionValue(key, [text], variable) { CommaSeparated = true }
                : fromFile.GetValueOrDefault(key);
            if (value is not null)
            {
                options = PyfleetOptionKeys.Setters[key](options, value);
            }
        }

        return new PyfleetSettings(options with { Labels = root is null ? options.Labels : Labels(root, path) }, warnings, root is null ? null : path);
    }

    /// <summary>
    /// Binds from <paramref name="section"/> (e.g. <c>configuration.GetSection("Pyfleet")</c>): keys are the dotted
    /// keys with <c>:</c> (<c>osv:max-age-days</c>); lists are child entries (<c>osv:source:0</c>) or comma-separated.
    /// </summary>
    public static PyfleetSettings Bind(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var warnings = new List<string>();
        var options = new PyfleetOptions();
        foreach (var child in section.GetChildren())
        {
            if (PyfleetOptionKeys.FreeSections.Contains(child.Key))
            {
                continue;
            }

            foreach (var entry in child.GetChildren())
            {
                var key = $"{child.Key}.{entry.Key}";
                if (!PyfleetOptionKeys.Setters.TryGetValue(key, out var setter))
                {
                    warnings.Add(Unknown($"configuration key '{child.Key}:{entry.Key}'", key));
                    continue;
                }

                var items = entry.Value is { } text ? [text] : entry.GetChildren().Select(c => c.Value).OfType<string>().ToArray();
                options = setter(options, new OptionValue(key, items, $"configuration key '{child.Key}:{entry.Key}'") { CommaSeparated = entry.Value is not null });
            }
        }

        var labels = section.GetSection("labels").GetChildren()
            .ToDictionary(c => c.Key, c => (IReadOnlyList<string>)(c.Value is { } one ? [one] : [.. c.GetChildren().Select(x => x.Value).OfType<string>()]), StringComparer.Ordinal);
        return new PyfleetSettings(options with { Labels = labels }, warnings, null);
    }

    private static Dictionary<string, OptionValue> Flatten(TomlTable root, string path, List<string> warnings)
    {
        var values = new Dictionary<string, OptionValue>(StringComparer.Ordinal);
        var sections = PyfleetOptionKeys.All.Select(k => k[..k.IndexOf('.')]).Concat(PyfleetOptionKeys.FreeSections).Distinct().ToList();
        foreach (var (name, node) in root)
        {
            if (PyfleetOptionKeys.FreeSections.Contains(name))
            {
                continue;
            }

            if (node is not TomlTable table || !sections.Contains(name))
            {
                warnings.Add($"{path}:{node.Line}: {Unknown($"section [{name}]", name, sections)} — ignored");
                continue;
            }

            foreach (var (entry, value) in table)
            {
                var key = $"{name}.{entry}";
                if (!PyfleetOptionKeys.Setters.ContainsKey(key))
                {
                    warnings.Add($"{path}:{value.Line}: {Unknown($"key '{key}'", key)} — ignored");
                    continue;
                }

                values[key] = new OptionValue(key, Items(value, key, path), $"'{key}' in {path}", path, value.Line);
            }
        }

        return values;
    }

    private static string[] Items(TomlNode node, string key, string path) => node switch
    {
        TomlValue value => [value.ToString()],
        TomlArray array when array.All(i => i is TomlValue) => [.. array.Select(i => i.ToString()!)],
        _ => throw new PyfleetException($"'{key}' must be a value or an array of values", path, node.Line),
    };

    private static Dictionary<string, IReadOnlyList<string>> Labels(TomlTable root, string path)
    {
        var labels = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (root.GetTable("labels") is not { } table)
        {
            return labels;
        }

        foreach (var (environment, node) in table)
        {
            labels[environment] = node switch
            {
                TomlValue { Value: string one } => [one],
                TomlArray array when array.All(item => item is TomlValue { Value: string }) => [.. array.Strings],
                _ => throw new PyfleetException($"labels: '{environment}' must be a label or a list of labels", path, node.Line),
            };
        }

        return labels;
    }

    private static string Unknown(string what, string typo, IEnumerable<string>? candidates = null) =>
        PyfleetOptionKeys.Nearest(typo, candidates ?? PyfleetOptionKeys.All) is { } nearest
            ? $"unknown {what} (did you mean '{nearest}'?)"
            : $"unknown {what}";
}
