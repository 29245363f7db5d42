namespace Pyfleet.Core.Releases.Indexes;

/// <summary>
/// A parsed <c>.netrc</c> (the format read by Python's <c>netrc</c> module, which pip/requests use):
/// whitespace-separated tokens <c>machine NAME login L password P</c>, <c>default</c>, <c>macdef</c> blocks skipped.
/// </summary>
public sealed class Netrc
{
    private readonly Dictionary<string, NetrcEntry> _machines;
    private readonly NetrcEntry? _default;

    private Netrc(Dictionary<string, NetrcEntry> machines, NetrcEntry? @default)
    {
        _machines = machines;
        _default = @default;
    }

    /// <summary>An empty file.</summary>
    public static Netrc Empty { get; } = new(new Dictionary<string, NetrcEntry>(StringComparer.OrdinalIgnoreCase), null);

    /// <summary>The entry for <paramref name="host"/>, else the <c>default</c> entry, else null.</summary>
    public NetrcEntry? For(string host) => _machines.TryGetValue(host, out var entry) ? entry : _default;

    /// <summary>Reads <paramref name="path"/>; a missing file is <see cref="Empty"/>.</summary>
    public static Netrc Load(string? path) => path is not null && File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;

    /// <summary>Parses netrc text.</summary>
    public static Netrc Parse(string text)
    {
        var machines = new Dictionary<string, NetrcEntry>(StringComparer.OrdinalIgnoreCase);
        NetrcEntry? fallback = null;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var tokens = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("macdef", StringComparison.Ordinal))
            {
                // A macro runs to the next blank line.
                while (i + 1 < lines.Length && lines[i + 1].Trim().Length > 0)
                {
                    i++;
                }

                continue;
            }

            if (line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            tokens.AddRange(line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }

        string? machine = null;
        var isDefault = false;
        string? login = null;
        string? password = null;
        void Flush()
        {
            if ((machine is not null || isDefault) && (login is not null || password is not null))
            {
                var entry = new NetrcEntry(login ?? "", password ?? "");
                if (isDefault)
                {
                    fallback ??= entry;
                }
                else
                {
                    machines.TryAdd(machine!, entry);
                }
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            switch (tokens[i])
            {
                case "machine":
                    Flush();
                    machine = i + 1 < tokens.Count ? tokens[++i] : null;
                    isDefault = false;
                    login = password = null;
                    break;
                case "default":
                    Flush();
                    machine = null;
                    isDefault = true;
                    login = password = null;
                    break;
                case "login" or "user" when i + 1 < tokens.Count:
                    login = tokens[++i];
                    break;
                case "password" or "passwd" when i + 1 < tokens.Count:
                    password = tokens[++i];
                    break;
                case "account" when i + 1 < tokens.Count:
                    i++;
                    break;
            }
        }

        Flush();
        return new Netrc(machines, fallback);
    }
}

/// <summary>One netrc machine entry. <see cref="ToString"/> never shows the password.</summary>
public sealed record NetrcEntry(string Login, string Password)
{
    public override string ToString() => $"{Login}:****";
}
