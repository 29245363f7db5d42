using System.Text;

namespace Pyfleet.Core.Manifests.Pyproject;

/// <summary>
/// Converts Poetry's constraint syntax to a PEP 440 specifier set (FORMATS.md §5.1;
/// https://python-poetry.org/docs/dependency-specification/): <c>^1.2.3</c> → <c>&gt;=1.2.3,&lt;2.0.0</c>,
/// <c>~1.2.3</c> → <c>&gt;=1.2.3,&lt;1.3.0</c>, <c>1.2.*</c> → <c>==1.2.*</c>, <c>1.2.3</c> → <c>==1.2.3</c>,
/// <c>*</c> → none. Poetry's <c>~</c> is not PEP 440's <c>~=</c>.
/// </summary>
public static class PoetryConstraint
{
    /// <summary>The PEP 440 form ("" for any version), or null when it cannot be expressed (<c>||</c> unions).</summary>
    public static string? ToPep440(string constraint)
    {
        var text = constraint.Trim();
        if (text.Contains("||", StringComparison.Ordinal) || text.Contains('|'))
        {
            return null;
        }

        var clauses = new List<string>();
        foreach (var raw in text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var clause = raw.Trim();
            if (clause is "*" or "")
            {
                continue;
            }

            if (Convert(clause) is not { } converted)
            {
                return null;
            }

            clauses.Add(converted);
        }

        return string.Join(",", clauses);
    }

    private static string? Convert(string clause)
    {
        if (clause.StartsWith('^'))
        {
            return Range(clause[1..], caret: true);
        }

        if (clause.StartsWith('~') && !clause.StartsWith("~=", StringComparison.Ordinal))
        {
            return Range(clause[1..], caret: false);
        }

        if (clause[0] is '<' or '>' or '=' or '!' or '~')
        {
            return clause;
        }

        return char.IsAsciiDigit(clause[0]) || clause[0] == 'v' ? $"=={clause}" : null;
    }

    private static string? Range(string version, bool caret)
    {
        var parts = version.Split('.');
        var numbers = new List<long>();
        foreach (var part in parts)
        {
            if (!long.TryParse(part, out var n))
            {
                break;
            }

            numbers.Add(n);
        }

        if (numbers.Count == 0)
        {
            return null;
        }

        int bump;
        if (caret)
        {
            // The first non-zero component is bumped; all zeros bump the last given one (^0.0 -> <0.1.0, ^0 -> <1.0.0).
            bump = numbers.FindIndex(n => n != 0);
            if (bump < 0)
            {
                bump = numbers.Count - 1;
            }
        }
        else
        {
            // ~1 -> <2; ~1.2 and ~1.2.3 -> <1.3.
            bump = numbers.Count == 1 ? 0 : 1;
        }

        var upper = new StringBuilder();
        for (var i = 0; i < Math.Max(3, bump + 1); i++)
        {
            var value = i < bump ? numbers[i] : i == bump ? numbers[i] + 1 : 0;
            upper.Append(i == 0 ? "" : ".").Append(value);
        }

        return $">={version},<{upper}";
    }
}
