using System.Globalization;

namespace Pyfleet.Core.Tests.Advisories.Cvss;

/// <summary>Reads <c>Fixtures/Advisories/Cvss/cvss4-scores.txt</c>: <c>vector - score</c> lines, <c>#</c> comments.</summary>
internal static class Cvss4ReferenceVectors
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "Advisories", "Cvss", "cvss4-scores.txt");

    public static IReadOnlyList<(string Vector, double Score)> All { get; } = Load();

    private static List<(string Vector, double Score)> Load()
    {
        var result = new List<(string, double)>();
        foreach (var line in File.ReadLines(Path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var separator = line.LastIndexOf(" - ", StringComparison.Ordinal);
            result.Add((line[..separator], double.Parse(line[(separator + 3)..], CultureInfo.InvariantCulture)));
        }

        return result;
    }
}
