using System.Globalization;
using System.Text;

namespace Pyfleet.Packaging.Tests.Versions;

/// <summary>Builds random, liberally spelled PEP 440 version strings from a seed (every one valid).</summary>
internal static class VersionGenerator
{
    private static readonly string[] PreSpellings = ["a", "alpha", "b", "beta", "c", "rc", "pre", "preview", "A", "RC"];
    private static readonly string[] PostSpellings = ["post", "rev", "r", "POST"];
    private static readonly string[] Separators = ["", ".", "-", "_"];

    public static string Make(int seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder();
        if (random.Next(8) == 0)
        {
            builder.Append('v');
        }

        if (random.Next(6) == 0)
        {
            builder.Append(Number(random)).Append('!');
        }

        var components = random.Next(1, 5);
        for (var i = 0; i < components; i++)
        {
            builder.Append(i == 0 ? "" : ".").Append(Number(random));
        }

        if (random.Next(3) == 0)
        {
            builder.Append(Pick(random, Separators)).Append(Pick(random, PreSpellings));
            if (random.Next(4) != 0)
            {
                builder.Append(Pick(random, Separators)).Append(Number(random));
            }
        }

        if (random.Next(4) == 0)
        {
            if (random.Next(3) == 0)
            {
                builder.Append('-').Append(random.Next(0, 50));
            }
            else
            {
                builder.Append(Pick(random, Separators)).Append(Pick(random, PostSpellings));
                if (random.Next(3) != 0)
                {
                    builder.Append(Pick(random, Separators)).Append(Number(random));
                }
            }
        }

        if (random.Next(4) == 0)
        {
            builder.Append(Pick(random, Separators)).Append(random.Next(2) == 0 ? "dev" : "DEV");
            if (random.Next(3) != 0)
            {
                builder.Append(Pick(random, Separators)).Append(Number(random));
            }
        }

        if (random.Next(4) == 0)
        {
            builder.Append('+');
            var segments = random.Next(1, 4);
            for (var i = 0; i < segments; i++)
            {
                if (i > 0)
                {
                    builder.Append(Pick(random, [".", "-", "_"]));
                }

                builder.Append(random.Next(3) switch
                {
                    0 => Number(random),
                    1 => Pick(random, ["abc", "ABC", "ubuntu", "cpu", "git5f0e"]),
                    _ => "x" + random.Next(100).ToString(CultureInfo.InvariantCulture),
                });
            }
        }

        return builder.ToString();
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Number(Random random) => random.Next(20) switch
    {
        0 => "0" + random.Next(10).ToString(CultureInfo.InvariantCulture),
        1 => "20230101123456",
        2 => "123456789012345678901234567890",
        < 8 => "0",
        _ => random.Next(0, 30).ToString(CultureInfo.InvariantCulture),
    };
}
