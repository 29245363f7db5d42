namespace Pyfleet.Core.Scanning.Internal;

/// <summary>
/// <c>pyvenv.cfg</c> as CPython's <c>site.py</c> reads it: not INI; each line split at the first <c>=</c>, both
/// sides stripped, key lowercased; lines without <c>=</c> ignored.
/// Spec: https://docs.python.org/3/library/site.html and https://peps.python.org/pep-0405/
/// </summary>
internal sealed class PyvenvConfig
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static PyvenvConfig Parse(string text)
    {
        var config = new PyvenvConfig();
        foreach (var rawLine in text.Split('\n'))
        {
            var equals = rawLine.IndexOf('=');
            if (equals < 0)
            {
                continue;
            }

            var key = rawLine[..equals].Trim().ToLowerInvariant();
            config._values.TryAdd(key, rawLine[(equals + 1)..].Trim());
        }

        return config;
    }

    public string? this[string key] => _values.TryGetValue(key, out var value) ? value : null;

    /// <summary><c>site.py</c> treats a missing key as true; only the value <c>false</c> (any case) turns it off.</summary>
    public bool IncludeSystemSitePackages => !string.Equals(this["include-system-site-packages"], "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The base interpreter version: <c>version</c> (venv), else <c>version_info</c> (virtualenv, uv) cut to three parts.</summary>
    public string? Version
    {
        get
        {
            var raw = this["version"] ?? this["version_info"];
            if (string.IsNullOrEmpty(raw))
            {
                return null;
            }

            // virtualenv writes "3.12.1.final.0"; keep the numeric release only.
            var parts = raw.Split('.');
            var numeric = parts.TakeWhile(p => p.Length > 0 && p.All(char.IsAsciiDigit)).Take(3).ToArray();
            return numeric.Length >= 2 ? string.Join('.', numeric) : raw;
        }
    }

    /// <summary><c>implementation</c> (virtualenv, uv) lowercased; stdlib venv only runs CPython-compatible layouts.</summary>
    public string Implementation => this["implementation"]?.ToLowerInvariant() ?? "cpython";
}
