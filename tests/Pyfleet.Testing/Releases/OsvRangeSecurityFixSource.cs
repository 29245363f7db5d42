using System.Text.Json;
using Pyfleet.Core.Releases.Analysis;
using Pyfleet.Packaging.Names;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Testing.Releases;

/// <summary>
/// Test double of <see cref="ISecurityFixSource"/> over real OSV records (recorded from shared/data/osv): a version
/// is affected when it falls in an ECOSYSTEM range (introduced ≤ v &lt; fixed, events in order) of a
/// non-withdrawn record. The real matcher is the advisories stage's; this is just enough to drive the seam.
/// </summary>
public sealed class OsvRangeSecurityFixSource : ISecurityFixSource
{
    private readonly List<(string Id, string Package, List<(Pep440Version? Introduced, Pep440Version? Fixed)> Ranges)> _records = [];

    public OsvRangeSecurityFixSource(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            if (root.TryGetProperty("withdrawn", out var withdrawn) && withdrawn.ValueKind == JsonValueKind.String)
            {
                continue;
            }

            foreach (var affected in root.GetProperty("affected").EnumerateArray())
            {
                var ranges = new List<(Pep440Version?, Pep440Version?)>();
                foreach (var range in affected.TryGetProperty("ranges", out var r) ? r.EnumerateArray() : default)
                {
                    if (range.GetProperty("type").GetString() != "ECOSYSTEM")
                    {
                        continue;
                    }

                    Pep440Version? introduced = null;
                    foreach (var ev in range.GetProperty("events").EnumerateArray())
                    {
                        if (ev.TryGetProperty("introduced", out var i))
                        {
                            introduced = i.GetString() == "0" ? Pep440Version.Parse("0") : Pep440Version.Parse(i.GetString()!);
                        }
                        else if (ev.TryGetProperty("fixed", out var f))
                        {
                            ranges.Add((introduced, Pep440Version.Parse(f.GetString()!)));
                            introduced = null;
                        }
                    }

                    if (introduced is not null)
                    {
                        ranges.Add((introduced, null));
                    }
                }

                _records.Add((root.GetProperty("id").GetString()!, PackageName.Normalize(affected.GetProperty("package").GetProperty("name").GetString()!), ranges));
            }
        }
    }

    public IReadOnlyList<AffectingAdvisory> For(string ecosystem, string name, string version)
    {
        var v = Pep440Version.Parse(version);
        var normalized = PackageName.Normalize(name);
        return _records
            .Where(r => r.Package == normalized && r.Ranges.Any(range => (range.Introduced is null || v >= range.Introduced) && (range.Fixed is null || v < range.Fixed)))
            .Select(r => new AffectingAdvisory(r.Id))
            .DistinctBy(a => a.Id)
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
    }
}
