using System.Globalization;
using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Configuration.Internal;

/// <summary>
/// One raw setting and where it came from, so a bad value blames its origin: the environment variable
/// (<c>PYFLEET_OSV_MAX_AGE_DAYS</c>), the config file and line, or the host's configuration key.
/// </summary>
internal sealed record OptionValue(string Key, IReadOnlyList<string> Items, string Origin, string? File = null, int? Line = null)
{
    /// <summary>A value given as one text (an environment variable): lists are comma-separated in it.</summary>
    public bool CommaSeparated { get; init; }

    public string Text => Items.Count == 1 ? Items[0] : string.Join(",", Items);

    public string String() => Items.Count == 1 ? Items[0] : throw Invalid("a single value");

    public IReadOnlyList<string> List() =>
        CommaSeparated ? [.. Items.SelectMany(i => i.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))] : Items;

    public int Integer() =>
        int.TryParse(String(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid("an integer");

    public int PositiveInteger() => Integer() is var value and >= 0 ? value : throw Invalid("0 or more");

    public Uri AbsoluteUrl()
    {
        var text = String();
        return Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) ? uri : throw Invalid("an absolute URL");
    }

    private PyfleetException Invalid(string expected) =>
        new($"{Origin} must be {expected}, not '{Http.UrlRedactor.Redact(Text)}'", File, Line);
}
