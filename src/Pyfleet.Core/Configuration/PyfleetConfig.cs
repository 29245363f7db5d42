using Pyfleet.Core.Errors;
using Pyfleet.Core.Toml;

namespace Pyfleet.Core.Configuration;

/// <summary>
/// Settings from <c>config.toml</c> in the data folder, overridden by <c>PYFLEET_*</c> environment variables.
/// Keys are dotted paths (<c>osv.source</c>); the variable for a key is <c>PYFLEET_</c> + the key upper-cased with
/// <c>.</c> and <c>-</c> as <c>_</c> (<c>PYFLEET_OSV_SOURCE</c>). Command-line options override both.
/// </summary>
public sealed class PyfleetConfig
{
    private readonly TomlTable _root;
    private readonly Func<string, string?> _getEnvironment;

    private PyfleetConfig(TomlTable root, Func<string, string?> getEnvironment, string? path)
    {
        _root = root;
        _getEnvironment = getEnvironment;
        Path = path;
    }

    /// <summary>The config file that was read, or null when there was none.</summary>
    public string? Path { get; }

    /// <summary>An empty config that still honours environment variables.</summary>
    public static PyfleetConfig Empty(Func<string, string?> getEnvironment) => new(new TomlTable(1), getEnvironment, null);

    /// <summary>Loads <see cref="PyfleetHome.ConfigPath"/> when it exists; a malformed file is an error with its line.</summary>
    public static PyfleetConfig Load(PyfleetHome home, Func<string, string?> getEnvironment) => LoadFile(home.ConfigPath, getEnvironment);

    /// <summary>Loads the TOML file at <paramref name="path"/>, or an empty config when it does not exist.</summary>
    public static PyfleetConfig LoadFile(string path, Func<string, string?> getEnvironment)
    {
        if (!File.Exists(path))
        {
            return Empty(getEnvironment);
        }

        try
        {
            return new PyfleetConfig(TomlParser.ParseFile(path), getEnvironment, path);
        }
        catch (IOException ex)
        {
            throw new PyfleetException($"cannot read config: {ex.Message}", path, inner: ex);
        }
    }

    /// <summary>The environment variable that overrides <paramref name="key"/>.</summary>
    public static string EnvironmentVariableFor(string key) =>
        "PYFLEET_" + key.ToUpperInvariant().Replace('.', '_').Replace('-', '_');

    /// <summary>A string setting: environment first, then the file; null when unset.</summary>
    public string? GetString(string key)
    {
        var fromEnvironment = _getEnvironment(EnvironmentVariableFor(key));
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        return Find(key) switch
        {
            null => null,
            TomlValue value => value.ToString(),
            var other => throw Invalid(key, other, "a single value"),
        };
    }

    /// <summary>A list setting: environment (comma-separated) first, then the file (array of strings, or one string).</summary>
    public IReadOnlyList<string> GetList(string key)
    {
        var fromEnvironment = _getEnvironment(EnvironmentVariableFor(key));
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return Find(key) switch
        {
            null => [],
            TomlArray array => [.. array.Select(item => item is TomlValue v ? v.ToString() : throw Invalid(key, item, "an array of strings"))],
            TomlValue value => [value.ToString()],
            var other => throw Invalid(key, other, "an array of strings"),
        };
    }

    /// <summary>An integer setting, or <paramref name="fallback"/> when unset.</summary>
    public long GetInteger(string key, long fallback)
    {
        var text = GetString(key);
        if (text is null)
        {
            return fallback;
        }

        return long.TryParse(text, out var value) ? value : throw new PyfleetException($"'{key}' must be an integer, not '{text}'", Path);
    }

    /// <summary>A boolean setting, or <paramref name="fallback"/> when unset.</summary>
    public bool GetBoolean(string key, bool fallback)
    {
        var text = GetString(key);
        return text?.ToLowerInvariant() switch
        {
            null => fallback,
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => throw new PyfleetException($"'{key}' must be true or false, not '{text}'", Path),
        };
    }

    /// <summary>A table (e.g. <c>[labels]</c> or <c>[[suppress]]</c> entries' parent), or null.</summary>
    public TomlNode? GetNode(string key) => Find(key);

    private TomlNode? Find(string key)
    {
        TomlNode current = _root;
        foreach (var part in key.Split('.'))
        {
            if (current is not TomlTable table || !table.TryGetValue(part, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    private PyfleetException Invalid(string key, TomlNode node, string expected) =>
        new($"'{key}' must be {expected}", Path, node.Line);
}
