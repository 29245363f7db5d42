using System.Globalization;

namespace Pyfleet.Cli.Rendering;

/// <summary>"1 package", "2 packages": counts in messages read as sentences.</summary>
internal static class Plural
{
    public static string Of(int count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
