using Pyfleet.Core.Errors;
using Pyfleet.Core.Toml;

namespace Pyfleet.Core.Auditing;

/// <summary>
/// Reads suppressions from <c>.pyfleet.toml</c>:
/// <code>
/// [[suppress]]
/// id = "PYSEC-2023-100"          # any id of the alias group
/// package = "django"             # optional scope
/// environment = "/srv/app/.venv" # optional scope: environment path or label
/// reason = "not reachable: we never call the vulnerable view"
/// expires = 2026-12-31           # optional; after this day the finding is reported again
/// </code>
/// A missing id or reason, or a bad date, is an error naming the file and line.
/// </summary>
public static class SuppressionFile
{
    /// <summary>The file name looked up in the working directory.</summary>
    public const string FileName = ".pyfleet.toml";

    /// <summary>Loads <paramref name="path"/>; an absent file means no suppressions.</summary>
    public static IReadOnlyList<Suppression> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses the TOML text of a <c>.pyfleet.toml</c>.</summary>
    public static IReadOnlyList<Suppression> Parse(string text, string path)
    {
        var root = TomlParser.Parse(text, path);
        if (!root.TryGetValue("suppress", out var node))
        {
            return [];
        }

        if (node is not TomlArray array)
        {
            throw new PyfleetException("'suppress' must be an array of tables ([[suppress]])", path, node.Line);
        }

        var result = new List<Suppression>();
        foreach (var item in array)
        {
            if (item is not TomlTable table)
            {
                throw new PyfleetException("each [[suppress]] entry must be a table", path, item.Line);
            }

            var id = table.GetString("id") ?? throw new PyfleetException("[[suppress]] needs an 'id'", path, table.Line);
            var reason = table.GetString("reason");
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new PyfleetException($"[[suppress]] {id} needs a 'reason'", path, table.Line);
            }

            result.Add(new Suppression(id, reason, table.GetString("package"), table.GetString("environment"), ReadExpiry(table, path), $"{path}:{table.Line}"));
        }

        return result;
    }

    private static DateOnly? ReadExpiry(TomlTable table, string path)
    {
        if (!table.TryGetValue("expires", out var node))
        {
            return null;
        }

        return node is TomlValue { Value: var value } ? value switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            DateTimeOffset dto => DateOnly.FromDateTime(dto.UtcDateTime),
            string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", out var parsed) => parsed,
            _ => throw new PyfleetException("'expires' must be a date (2026-12-31)", path, node.Line),
        }
        : throw new PyfleetException("'expires' must be a date (2026-12-31)", path, node.Line);
    }
}
