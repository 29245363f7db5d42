using System.CommandLine;
using System.CommandLine.Parsing;
using Pyfleet.Core.Text;

namespace Pyfleet.Cli;

/// <summary>
/// Turns a parse that went wrong into one line and a hint, never the whole help: an unknown option (which the
/// parser would otherwise take as a PATH: <c>pyfleet scan --sytem</c>) with the nearest known one, an unknown
/// command with the nearest verb, a bad value with the parser's message.
/// </summary>
internal static class UsageErrors
{
    /// <summary>The error and hint lines for <paramref name="parseResult"/>, or null when it is fine.</summary>
    public static (string Error, string? Hint)? Find(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        var help = $"see '{CommandPath(parseResult.CommandResult)} --help'";
        if (UnknownOption(parseResult) is { } option)
        {
            var nearest = Nearest(option, KnownOptions(parseResult.CommandResult));
            // One line: what is wrong and the nearest option.
            return ($"unknown option '{option}' for '{CommandPath(parseResult.CommandResult)}'" + (nearest is null ? $" ({help})" : $" (did you mean '{nearest}'?)"), null);
        }

        if (parseResult.Errors.Count == 0)
        {
            return null;
        }

        if (parseResult.UnmatchedTokens.FirstOrDefault() is { } unmatched && command.Subcommands.Count > 0)
        {
            var nearest = Nearest(unmatched, command.Subcommands.Select(c => c.Name));
            return ($"unknown command '{unmatched}'", nearest is null ? help : $"did you mean '{CommandPath(parseResult.CommandResult)} {nearest}'? ({help})");
        }

        // One line: the parser lists choices on lines of their own.
        var message = string.Join(' ', parseResult.Errors[0].Message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return (message.TrimEnd('.'), help);
    }

    /// <summary>The first token that looks like an option but is no option here (bound as an argument, or left over).</summary>
    private static string? UnknownOption(ParseResult parseResult)
    {
        var tokens = parseResult.Tokens;
        var literal = tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        var asArguments = parseResult.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens)
            .Where(t => literal < 0 || IndexOf(tokens, t) < literal)
            .Select(t => t.Value);
        return asArguments.Concat(parseResult.UnmatchedTokens).FirstOrDefault(LooksLikeOption);
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, Token token)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && !char.IsAsciiDigit(token[1]) && token[1] != '.';

    private static IEnumerable<string> KnownOptions(CommandResult result)
    {
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult commandResult)
            {
                foreach (var option in commandResult.Command.Options.Where(o => current == result || o.Recursive))
                {
                    yield return option.Name;
                    foreach (var alias in option.Aliases)
                    {
                        yield return alias;
                    }
                }
            }
        }
    }

    private static string? Nearest(string typo, IEnumerable<string> candidates) =>
        candidates.Distinct().Select(c => (Candidate: c, Distance: EditDistance.Between(typo, c)))
            .Where(x => x.Distance <= Math.Max(2, typo.Length / 3))
            .OrderBy(x => x.Distance).Select(x => x.Candidate).FirstOrDefault();

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult commandResult)
            {
                names.Insert(0, commandResult.Parent is null ? "pyfleet" : commandResult.Command.Name);
            }
        }

        return string.Join(' ', names);
    }
}
