using System.Buffers;

namespace Pyfleet.Core.Fleet;

/// <summary>
/// Host names the fleet accepts: a DNS-like name of letters, digits, <c>.</c>, <c>-</c> and <c>_</c>, 1–253
/// characters, not starting with a dot or dash. Anything else (<c>../etc</c>, a slash, a quote, a control
/// character) is refused at the door, so a name is safe in a URL path, a file name and a log line.
/// </summary>
public static class HostNames
{
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_");

    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= 253 }
        && name.AsSpan().IndexOfAnyExcept(Allowed) < 0
        && name[0] is not ('.' or '-')
        && !name.Contains("..", StringComparison.Ordinal);

    /// <summary>The reason <paramref name="name"/> is refused (for a problem document), or null when it is valid.</summary>
    public static string? Problem(string? name) => IsValid(name)
        ? null
        : "a host name is 1-253 characters of letters, digits, '.', '-' and '_', not starting with '.' or '-' and without '..'";
}
