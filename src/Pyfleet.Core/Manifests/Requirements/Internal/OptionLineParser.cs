namespace Pyfleet.Core.Manifests.Requirements.Internal;

/// <summary>
/// Splits a logical line into the requirement part and options, then parses the options like optparse does
/// for pip (<c>req_file.break_args_options</c>, <c>shlex.split</c>, <c>OptionParser.parse_args</c>): long
/// options may be abbreviated to a unique prefix, take <c>--opt=value</c> or <c>--opt value</c>; short
/// options <c>-rvalue</c> or <c>-r value</c>; positional leftovers are ignored like pip ignores them.
/// </summary>
internal static class OptionLineParser
{
    /// <summary>Returns false with an optparse-style message when the options are invalid.</summary>
    public static bool TryParse(string line, out string args, out ParsedOptions options, out string? error)
    {
        (args, var optionText) = BreakArgsOptions(line);
        options = new ParsedOptions();
        if (!Shlex.TrySplit(optionText, out var tokens, out error))
        {
            error = $"Could not split options: {optionText} ({error})";
            return false;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token == "--")
            {
                break;
            }

            if (token.StartsWith("--", StringComparison.Ordinal))
            {
                if (!TryLong(tokens, ref i, options, out error))
                {
                    return false;
                }
            }
            else if (token.Length > 1 && token[0] == '-')
            {
                if (!TryShort(tokens, ref i, options, out error))
                {
                    return false;
                }
            }

            // else: a positional argument; optparse returns it and pip drops it.
        }

        return true;
    }

    // break_args_options: tokens split on single spaces; everything before the first token starting with '-'
    // is the requirement (not shell-parsed, so quoted markers survive).
    internal static (string Args, string Options) BreakArgsOptions(string line)
    {
        var position = 0;
        while (true)
        {
            if (position < line.Length && line[position] == '-')
            {
                var args = position == 0 ? "" : line[..(position - 1)];
                return (args, line[position..]);
            }

            var space = line.IndexOf(' ', position);
            if (space < 0)
            {
                return (line, "");
            }

            position = space + 1;
        }
    }

    private static bool TryLong(List<string> tokens, ref int i, ParsedOptions options, out string? error)
    {
        var token = tokens[i];
        var equals = token.IndexOf('=');
        var name = equals < 0 ? token : token[..equals];
        string? value = equals < 0 ? null : token[(equals + 1)..];

        var spec = Array.Find(OptionSpec.All, s => s.Long == name || Array.IndexOf(s.Aliases, name) >= 0);
        if (spec is null)
        {
            var candidates = OptionSpec.All
                .SelectMany(s => s.Aliases.Prepend(s.Long).Select(n => (Name: n, Spec: s)))
                .Where(c => c.Name.StartsWith(name, StringComparison.Ordinal))
                .ToList();
            if (candidates.Count == 0)
            {
                error = $"no such option: {name}";
                return false;
            }

            if (candidates.Select(c => c.Spec).Distinct().Count() > 1)
            {
                error = $"ambiguous option: {name} ({string.Join(", ", candidates.Select(c => c.Name))}?)";
                return false;
            }

            spec = candidates[0].Spec;
        }

        if (spec.TakesValue && value is null)
        {
            if (i + 1 >= tokens.Count)
            {
                error = $"{spec.Long} option requires 1 argument";
                return false;
            }

            value = tokens[++i];
        }
        else if (!spec.TakesValue && value is not null)
        {
            error = $"{spec.Long} option does not take a value";
            return false;
        }

        return Add(spec, value, options, out error);
    }

    private static bool TryShort(List<string> tokens, ref int i, ParsedOptions options, out string? error)
    {
        var token = tokens[i];
        var name = token[..2];
        var spec = Array.Find(OptionSpec.All, s => s.Short == name);
        if (spec is null)
        {
            error = $"no such option: {name}";
            return false;
        }

        // Every short option here takes a value: attached (-rfile) or the next token.
        string value;
        if (token.Length > 2)
        {
            value = token[2..];
        }
        else if (i + 1 < tokens.Count)
        {
            value = tokens[++i];
        }
        else
        {
            error = $"{name} option requires 1 argument";
            return false;
        }

        return Add(spec, value, options, out error);
    }

    private static bool Add(OptionSpec spec, string? value, ParsedOptions options, out string? error)
    {
        if (spec.RemovedIn is { } version)
        {
            error = $"{spec.Long} is not supported in requirements files (removed in pip {version})";
            return false;
        }

        error = null;
        options.Items.Add((spec.Long, value));
        return true;
    }
}
