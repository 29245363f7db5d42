using System.Text.RegularExpressions;

namespace Pyfleet.Core.Manifests.Internal;

/// <summary>Hides credentials in URLs (<c>https://user:token@host</c> → <c>https://****@host</c>) before they are stored or printed.</summary>
internal static partial class UrlRedactor
{
    public static string Redact(string text) => UserInfoRegex().Replace(text, "${scheme}****@");

    [GeneratedRegex(@"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)[^/@\s]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfoRegex();
}
