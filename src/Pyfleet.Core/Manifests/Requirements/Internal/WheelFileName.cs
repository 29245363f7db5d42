using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Pyfleet.Core.Manifests.Requirements.Internal;

/// <summary>pip's <c>models/wheel.py Wheel</c> file-name regex: a wheel line means <c>name==version</c>.</summary>
internal static partial class WheelFileName
{
    public static bool TryParse(string fileName, [NotNullWhen(true)] out string? name, [NotNullWhen(true)] out string? version)
    {
        var match = WheelRegex().Match(fileName);
        if (!match.Success)
        {
            name = version = null;
            return false;
        }

        name = match.Groups["name"].Value.Replace('_', '-');
        version = match.Groups["ver"].Value.Replace('_', '-');
        return true;
    }

    [GeneratedRegex(@"^(?<namever>(?<name>[^\s-]+?)-(?<ver>[^\s-]*?))(-(?<build>\d[^-]*?))?-(?<pyver>[^\s-]+?)-(?<abi>[^\s-]+?)-(?<plat>[^\s-]+?)\.whl$", RegexOptions.CultureInvariant)]
    private static partial Regex WheelRegex();
}
