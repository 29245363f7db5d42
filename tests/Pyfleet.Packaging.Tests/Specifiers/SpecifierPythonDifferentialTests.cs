using System.Globalization;
using Pyfleet.Packaging.Specifiers;
using Pyfleet.Packaging.Tests.Support;
using Pyfleet.Packaging.Tests.Versions;

namespace Pyfleet.Packaging.Tests.Specifiers;

/// <summary>
/// Differential test against python3's pip-vendored packaging 21.3 for the operators whose matching did not change
/// up to 26.x (==, ==V.*, !=, <=, >=, ~=) with pre-releases allowed. &lt; and &gt; are left out on purpose: packaging
/// 26.1 changed their exclusion rules (FORMATS.md §1.6), so 21.3 is no oracle for them.
/// </summary>
public sealed class SpecifierPythonDifferentialTests
{
    private const string Script = """
import sys
from pip._vendor.packaging.specifiers import Specifier, InvalidSpecifier
out = []
for line in sys.stdin.read().split("\n"):
    if not line:
        continue
    spec, version = line.split("\t")
    try:
        s = Specifier(spec)
    except InvalidSpecifier:
        out.append("invalid")
        continue
    out.append("1" if s.contains(version, prereleases=True) else "0")
print("\n".join(out))
""";

    [Fact]
    public void Contains_RandomPairs_AgreeWithPythonPackaging()
    {
        var random = new Random(20261122);
        string[] operators = ["==", "!=", "<=", ">=", "~=", "==*", "!=*"];
        var cases = new List<(string Spec, string Version)>();
        for (var i = 0; i < 4000; i++)
        {
            var op = operators[random.Next(operators.Length)];
            var version = VersionGenerator.Make(random.Next());
            // Draw the specifier's version from the same distribution, so that near misses are common.
            var target = Versions.Pep440VersionFactory(random.Next(), op);
            if (target is null || IsKnownOldPrefixBug(target, version))
            {
                continue;
            }

            cases.Add((target, version));
        }

        Assert.True(cases.Count > 3000, $"only {cases.Count} cases generated");
        var lines = PythonScript.Run(Script, string.Join("\n", cases.Select(c => $"{c.Spec}\t{c.Version}"))).TrimEnd('\n').Split('\n');
        Assert.Equal(cases.Count, lines.Length);
        var mismatches = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var ours = Specifier.TryParse(cases[i].Spec, out var spec)
                ? (spec.Contains(cases[i].Version, prereleases: true) ? "1" : "0")
                : "invalid";
            if (ours != lines[i])
            {
                mismatches.Add($"{cases[i].Spec} contains {cases[i].Version}: python {lines[i]}, ours {ours}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
    }

    // packaging 21.3 shortened the candidate before zero-padding it, so "0a0" did not match "==0.0.*"; later
    // releases pad first (26.x: the interval [0.0.dev0, 0.1.dev0)). Such pairs are no oracle and are skipped.
    private static bool IsKnownOldPrefixBug(string spec, string version) =>
        spec.EndsWith(".*", StringComparison.Ordinal)
        && Pyfleet.Packaging.Versions.Pep440Version.Parse(version).ReleaseLength
            < Pyfleet.Packaging.Versions.Pep440Version.Parse(spec[2..^2]).ReleaseLength;

    private static class Versions
    {
        public static string? Pep440VersionFactory(int seed, string op)
        {
            var random = new Random(seed);
            var text = VersionGenerator.Make(random.Next(600));
            var parsed = Pyfleet.Packaging.Versions.Pep440Version.Parse(text);
            switch (op)
            {
                case "==*" or "!=*":
                    // Wildcards take a bare release (with optional epoch).
                    var release = string.Join(".", parsed.Release.Select(r => r.ToString(CultureInfo.InvariantCulture)));
                    var epoch = parsed.Epoch > 0 ? $"{parsed.Epoch}!" : "";
                    return $"{op[..2]}{epoch}{release}.*";
                case "~=":
                    return parsed.HasLocal || parsed.ReleaseLength < 2 ? null : "~=" + text;
                case "<=" or ">=":
                    return parsed.HasLocal ? op + parsed.ToPublicString() : op + text;
                default:
                    return op + text;
            }
        }
    }

}
