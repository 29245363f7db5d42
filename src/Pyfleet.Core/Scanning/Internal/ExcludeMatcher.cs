using System.Text;
using System.Text.RegularExpressions;

namespace Pyfleet.Core.Scanning.Internal;

/// <summary>
/// <c>--exclude</c> globs: <c>*</c> and <c>?</c> stay within one path segment, <c>**</c> crosses segments. A pattern
/// without <c>/</c> is matched against folder names; one with <c>/</c> against the whole (logical) path.
/// </summary>
internal sealed class ExcludeMatcher
{
    private readonly Regex? _names;
    private readonly Regex? _paths;

    public ExcludeMatcher(IEnumerable<string> globs)
    {
        var names = new List<string>();
        var paths = new List<string>();
        foreach (var glob in globs.Where(g => !string.IsNullOrWhiteSpace(g)))
        {
            var trimmed = glob.TrimEnd('/');
            (trimmed.Contains('/') ? paths : names).Add(ToRegex(trimmed));
        }

        _names = names.Count == 0 ? null : new Regex("^(?:" + string.Join('|', names) + ")$", RegexOptions.CultureInvariant);
        _paths = paths.Count == 0 ? null : new Regex("^(?:" + string.Join('|', paths) + ")$", RegexOptions.CultureInvariant);
    }

    public bool IsExcluded(string name, string logicalPath) =>
        ScanOptions.DefaultSkippedNames.Contains(name) || (_names?.IsMatch(name) ?? false) || (_paths?.IsMatch(logicalPath) ?? false);

    private static string ToRegex(string glob)
    {
        var builder = new StringBuilder();
        if (glob.StartsWith("**/", StringComparison.Ordinal))
        {
            builder.Append("(?:.*/)?");
            glob = glob[3..];
        }

        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                builder.Append(".*");
                i++;
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        return builder.ToString();
    }
}
