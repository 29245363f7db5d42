using System.CommandLine;
using System.Globalization;

namespace Pyfleet.Cli.Commands;

/// <summary>Options several commands share, defined once so their names, help and value checks agree.</summary>
internal static class CommonOptions
{
    /// <summary><c>--format NAME</c>: <c>table</c> (the default) or a format of the report registry.</summary>
    public static Option<string> Format(string[] names)
    {
        var option = new Option<string>("--format") { Description = $"Output: {string.Join(", ", names)}", DefaultValueFactory = _ => names[0] };
        option.AcceptOnlyFromAmong(names);
        return option;
    }

    /// <summary><c>--as-of YYYY-MM-DD</c>, checked when parsed (one error line, not the help).</summary>
    public static Option<DateOnly?> AsOf(string description) => new("--as-of")
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            result.AddError($"--as-of must be a date YYYY-MM-DD, not '{text}'");
            return null;
        },
    };

    /// <summary>The end of <paramref name="day"/> in UTC: what "as of that date" means for advisories and suppressions.</summary>
    public static DateTimeOffset? EndOfDay(DateOnly? day) =>
        day is { } d ? new DateTimeOffset(d.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero) : null;

    /// <summary><c>--system</c>: the host's standard locations as one more input.</summary>
    public static Option<bool> System() => new("--system") { Description = "Also read the host's standard locations: /usr, /usr/local, /opt, pyenv, conda, user site" };

    /// <summary><c>--label PATH=NAME</c> (repeatable), added to config's <c>[labels]</c>.</summary>
    public static Option<string[]> Labels() => new("--label") { Description = "Label an environment: PATH=NAME (repeatable; added to config's [labels])" };
}
