using Pyfleet.Packaging.Tests.Support;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Packaging.Tests.Versions;

/// <summary>
/// Differential test against the machine's python3: pip 23 vendors packaging 21.3, whose canonical strings and
/// ordering of valid PEP 440 versions are unchanged in 26.x (only legacy versions and specifier policy changed),
/// so only those two things are compared.
/// </summary>
public sealed class PythonDifferentialTests
{
    private const string Script = """
import sys
from pip._vendor.packaging.version import Version
lines = sys.stdin.read().split("\n")
vs = [Version(l) for l in lines if l]
print("\n".join(str(v) for v in vs))
print("--")
order = sorted(range(len(vs)), key=lambda i: (vs[i], i))
print(" ".join(str(i) for i in order))
""";

    [Fact]
    public void CanonicalStringsAndOrder_RandomVersions_AgreeWithPythonPackaging()
    {
        var inputs = Enumerable.Range(0, 3000).Select(VersionGenerator.Make).ToList();
        var output = PythonScript.Run(Script, string.Join("\n", inputs));
        var parts = output.Split("--\n");
        var canonical = parts[0].TrimEnd('\n').Split('\n');
        var versions = inputs.Select(Pep440Version.Parse).ToList();
        Assert.Equal(canonical, versions.Select(v => v.ToString()));

        var expectedOrder = parts[1].Trim().Split(' ').Select(int.Parse).ToList();
        var actualOrder = Enumerable.Range(0, versions.Count).OrderBy(i => versions[i]).ThenBy(i => i).ToList();
        Assert.Equal(expectedOrder, actualOrder);
    }

}
