using System.Text;
using Pyfleet.Packaging.Tests.Support;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Packaging.Tests.Versions;

/// <summary>
/// Validity differential against python3's pip-vendored packaging 21.3 <c>Version</c> on near-miss strings
/// (random edits of valid versions and random strings over the version alphabet). The grammar and normalisation of
/// valid PEP 440 versions did not change up to 26.x; inputs stay ASCII because 26.x matches letters ASCII-only.
/// </summary>
public sealed class VersionValidityDifferentialTests
{
    private const string Script = """
import sys
from pip._vendor.packaging.version import Version, InvalidVersion
out = []
for line in sys.stdin.read().split("\n")[:-1]:
    try:
        out.append(str(Version(line.replace("\\t", "\t"))))
    except InvalidVersion:
        out.append("!invalid")
print("\n".join(out))
""";

    private const string Alphabet = "0123456789..--__++!vVaAbBcCrRpPeEdDoOsStTlLhHwWiI xz*\t\u00a0\u3000";

    [Fact]
    public void Validity_NearMissStrings_AgreesWithPythonPackaging()
    {
        var random = new Random(440);
        var inputs = new List<string>();
        for (var i = 0; i < 6000; i++)
        {
            inputs.Add(i % 3 == 0 ? RandomString(random) : Mutate(random, VersionGenerator.Make(random.Next())));
        }

        var encoded = string.Join("\n", inputs.Select(s => s.Replace("\t", "\\t", StringComparison.Ordinal))) + "\n";
        var lines = PythonScript.Run(Script, encoded).TrimEnd('\n').Split('\n');
        Assert.Equal(inputs.Count, lines.Length);
        var mismatches = new List<string>();
        var valid = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var ours = Pep440Version.TryParse(inputs[i], out var v) ? v.ToString() : "!invalid";
            valid += ours == "!invalid" ? 0 : 1;
            if (ours != lines[i])
            {
                mismatches.Add($"'{inputs[i]}': python {lines[i]}, ours {ours}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(25)));
        Assert.InRange(valid, 1000, inputs.Count - 1000);
    }

    private static string RandomString(Random random)
    {
        var builder = new StringBuilder();
        var length = random.Next(1, 12);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return builder.ToString();
    }

    private static string Mutate(Random random, string text)
    {
        var chars = new StringBuilder(text);
        var edits = random.Next(1, 3);
        for (var i = 0; i < edits; i++)
        {
            var position = random.Next(chars.Length + 1);
            switch (random.Next(3))
            {
                case 0:
                    chars.Insert(position, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 1 when position < chars.Length:
                    chars.Remove(position, 1);
                    break;
                default:
                    if (position < chars.Length)
                    {
                        chars[position] = Alphabet[random.Next(Alphabet.Length)];
                    }

                    break;
            }
        }

        return chars.ToString();
    }

}
