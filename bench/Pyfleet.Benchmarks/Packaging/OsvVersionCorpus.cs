using System.IO.Compression;
using System.Text.Json;

namespace Pyfleet.Benchmarks.Packaging;

/// <summary>
/// Every version string of the recorded OSV PyPI export (<c>shared/data/osv/PyPI/all.zip</c>): the
/// <c>affected[].versions</c> lists and the ECOSYSTEM range events, plus each advisory's ECOSYSTEM ranges.
/// </summary>
internal sealed class OsvVersionCorpus
{
    private OsvVersionCorpus(List<string> versions, List<List<OsvRange>> advisoryRanges, int advisories)
    {
        Versions = versions;
        AdvisoryRanges = advisoryRanges;
        Advisories = advisories;
    }

    public List<string> Versions { get; }

    /// <summary>Per advisory, its ECOSYSTEM ranges (events as written).</summary>
    public List<List<OsvRange>> AdvisoryRanges { get; }

    public int Advisories { get; }

    public static OsvVersionCorpus Load()
    {
        var path = FindExport();
        var versions = new List<string>();
        var advisoryRanges = new List<List<OsvRange>>();
        var advisories = 0;
        using var zip = ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries)
        {
            if (!entry.FullName.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            advisories++;
            using var stream = entry.Open();
            using var document = JsonDocument.Parse(stream);
            var ranges = new List<OsvRange>();
            if (document.RootElement.TryGetProperty("affected", out var affected))
            {
                foreach (var item in affected.EnumerateArray())
                {
                    if (item.TryGetProperty("versions", out var list))
                    {
                        versions.AddRange(list.EnumerateArray().Select(v => v.GetString() ?? ""));
                    }

                    if (!item.TryGetProperty("ranges", out var rangeList))
                    {
                        continue;
                    }

                    foreach (var range in rangeList.EnumerateArray())
                    {
                        if (range.GetProperty("type").GetString() != "ECOSYSTEM")
                        {
                            continue;
                        }

                        var events = new List<(string Kind, string Version)>();
                        foreach (var evt in range.GetProperty("events").EnumerateArray())
                        {
                            foreach (var property in evt.EnumerateObject())
                            {
                                var value = property.Value.GetString() ?? "";
                                events.Add((property.Name, value));
                                versions.Add(value);
                            }
                        }

                        ranges.Add(new OsvRange(events));
                    }
                }
            }

            advisoryRanges.Add(ranges);
        }

        return new OsvVersionCorpus(versions, advisoryRanges, advisories);
    }

    private static string FindExport()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PYFLEET_OSV_PYPI_ZIP");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (var root in new[] { directory.FullName, Path.Combine(directory.FullName, "..") })
            {
                var candidate = Path.Combine(root, "shared", "data", "osv", "PyPI", "all.zip");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("shared/data/osv/PyPI/all.zip not found; set PYFLEET_OSV_PYPI_ZIP.");
    }
}

/// <summary>One ECOSYSTEM range: its events in file order.</summary>
internal sealed record OsvRange(List<(string Kind, string Version)> Events);
