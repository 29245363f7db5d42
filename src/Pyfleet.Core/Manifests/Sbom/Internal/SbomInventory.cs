using System.Globalization;
using Pyfleet.Core.Inventory;
using Pyfleet.Packaging.Names;

namespace Pyfleet.Core.Manifests.Sbom.Internal;

/// <summary>
/// Collects an SBOM's packages into one environment named after its subject: <c>pkg:pypi</c> components as Python
/// packages, <c>pkg:deb</c> ones as dpkg-owned packages on the distribution their <c>distro</c> qualifier (or the
/// SBOM's operating-system component) names, so the audit judges them by Debian advisories as it does a scanned
/// host's; everything else is counted per ecosystem and reported, never dropped silently.
/// </summary>
internal sealed class SbomInventory(string path, string format)
{
    private static readonly Dictionary<string, string> DebianCodenames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["stretch"] = "9",
        ["buster"] = "10",
        ["bullseye"] = "11",
        ["bookworm"] = "12",
        ["trixie"] = "13",
        ["forky"] = "14",
    };

    private readonly List<InventoryPackage> _packages = [];
    private readonly SortedDictionary<string, int> _skipped = new(StringComparer.Ordinal);
    private readonly HashSet<(string, string?, string?)> _seen = [];

    public string? Subject { get; set; }

    /// <summary>The OS the SBOM describes (its operating-system component), when it names one.</summary>
    public OperatingSystemInfo? Os { get; set; }

    public DateTimeOffset? Created { get; set; }

    /// <summary>Records the operating system an SBOM names (<c>debian</c> <c>12</c> or <c>12.5</c>).</summary>
    public void SetOs(string? id, string? version)
    {
        if (Os is null && id is { Length: > 0 })
        {
            var major = version?.Split('.')[0];
            Os = new OperatingSystemInfo(id.ToLowerInvariant(), id.Equals("debian", StringComparison.OrdinalIgnoreCase) ? major : version, null, null);
        }
    }

    /// <summary>Adds one component or package; <paramref name="location"/> is where the tool found it, when it says.</summary>
    public void Add(string? purlText, string? name, string? version, string? location, (string Name, string? Version)? source = null)
    {
        var purl = Purl.TryParse(purlText);
        if (purl is null)
        {
            Skip(purlText is null ? "no purl" : "unreadable purl");
            return;
        }

        switch (purl.Type)
        {
            case "pypi":
                AddPython(purl, name, version, location);
                break;
            case "deb" when Distribution(purl) is { } os:
                AddDeb(purl, os, version, location, source);
                break;
            default:
                Skip(purl.Type == "deb" ? "deb (no Debian distro)" : purl.Type);
                break;
        }
    }

    public void Skip(string ecosystem) => _skipped[ecosystem] = _skipped.GetValueOrDefault(ecosystem) + 1;

    public InventoryDocument Build(List<string> warnings, DateTimeOffset now)
    {
        if (_skipped.Count > 0)
        {
            var counts = string.Join(", ", _skipped.Select(s => $"{s.Key} {s.Value}"));
            warnings.Add($"{path}: {_skipped.Values.Sum()} {format} component(s) of other ecosystems not checked: {counts}");
        }

        var subject = string.IsNullOrWhiteSpace(Subject) ? path : Subject;
        return new InventoryDocument
        {
            Host = new HostInfo { Name = subject, Os = _packages.Any(p => p.OsPackage is not null) ? Os : null },
            ScannedAt = Created ?? now,
            Environments = [new PythonEnvironment { Path = subject, Kind = EnvironmentKinds.Sbom, Packages = _packages }],
        };
    }

    private void AddPython(Purl purl, string? name, string? version, string? location)
    {
        var display = name is { Length: > 0 } && PackageName.Normalize(name) == PackageName.Normalize(purl.Name) ? name : purl.Name;
        var package = new InventoryPackage { Name = PackageName.Normalize(purl.Name), DisplayName = display, Version = purl.Version ?? NullIfEmpty(version), Location = location };
        if (_seen.Add((package.Name, package.Version, location)))
        {
            _packages.Add(package);
        }
    }

    private void AddDeb(Purl purl, OperatingSystemInfo os, string? version, string? location, (string Name, string? Version)? source)
    {
        Os ??= os;
        var debVersion = purl.Version ?? NullIfEmpty(version) ?? "";
        if (purl.Qualifiers.TryGetValue("epoch", out var epoch) && !debVersion.Contains(':', StringComparison.Ordinal))
        {
            debVersion = $"{epoch}:{debVersion}";
        }

        // syft: upstream=python-django or upstream=glibc@2.36; trivy gives the source as properties.
        var (sourceName, sourceVersion) = source ?? (purl.Qualifiers.TryGetValue("upstream", out var upstream)
            ? (upstream.Split('@')[0], upstream.Contains('@', StringComparison.Ordinal) ? upstream[(upstream.IndexOf('@') + 1)..] : null)
            : (purl.Name, null));
        var pythonName = purl.Name.StartsWith("python3-", StringComparison.Ordinal) ? purl.Name["python3-".Length..] : purl.Name;
        var package = new InventoryPackage
        {
            Name = PackageName.Normalize(pythonName),
            Version = UpstreamVersion(debVersion),
            Location = location,
            OsPackage = new OsPackageInfo("dpkg", purl.Name, debVersion, sourceName, sourceVersion),
        };
        if (_seen.Add((package.Name, debVersion, location)))
        {
            _packages.Add(package);
        }
    }

    // 3:3.2.19-1+deb12u1 → 3.2.19: what a Python name of the package would be versioned as.
    private static string UpstreamVersion(string debian)
    {
        var colon = debian.IndexOf(':');
        var upstream = colon >= 0 ? debian[(colon + 1)..] : debian;
        var dash = upstream.LastIndexOf('-');
        return dash > 0 ? upstream[..dash] : upstream;
    }

    private OperatingSystemInfo? Distribution(Purl purl)
    {
        var id = (purl.Namespace ?? "debian").ToLowerInvariant();
        if (purl.Qualifiers.TryGetValue("distro", out var distro))
        {
            // distro=debian-12, debian-12.5 (trivy), bookworm (purl-spec examples)
            var dash = distro.LastIndexOf('-');
            var release = dash > 0 ? distro[(dash + 1)..] : distro;
            if (dash > 0)
            {
                id = distro[..dash].ToLowerInvariant();
            }

            if (DebianCodenames.TryGetValue(release, out var number))
            {
                return new OperatingSystemInfo(id, number, release.ToLowerInvariant(), null);
            }

            var major = release.Split('.')[0];
            return int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out _) || id != "debian"
                ? new OperatingSystemInfo(id, id == "debian" ? major : release, null, null)
                : null;
        }

        return Os is { } os && os.Id.Equals(id, StringComparison.OrdinalIgnoreCase) ? os : null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) || value == "NOASSERTION" ? null : value;
}
