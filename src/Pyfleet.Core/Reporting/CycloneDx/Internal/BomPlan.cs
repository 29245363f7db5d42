using Pyfleet.Core.Auditing;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Reporting.CycloneDx.Internal;

/// <summary>
/// The BOM of an audit laid out before it is written: one <c>application</c> component per environment with its
/// packages nested, every component's unique <c>bom-ref</c>, and the vulnerabilities with the refs they affect
/// (one entry per advisory and analysis: a finding suppressed in one environment and open in another is two).
/// </summary>
internal sealed class BomPlan
{
    public required string SubjectName { get; init; }
    public List<EnvironmentNode> Environments { get; } = [];
    public List<OsNode> OperatingSystems { get; } = [];
    public List<VulnerabilityNode> Vulnerabilities { get; } = [];

    public sealed record OsNode(string Ref, OperatingSystemInfo Os);

    public sealed record EnvironmentNode(string Ref, string Path, string Kind, string? Python, IReadOnlyList<string> Labels, string Host, List<PackageNode> Packages);

    public sealed record PackageNode(string Ref, string Name, string? Version, string Purl, InventoryPackage? Package, PackageAudit? Audit);

    public sealed class VulnerabilityNode(string @ref, VulnerabilityFinding finding, Suppression? suppression)
    {
        public string Ref { get; } = @ref;
        public VulnerabilityFinding Finding { get; } = finding;
        public Suppression? Suppression { get; } = suppression;
        public List<PackageNode> Affects { get; } = [];
    }

    public static BomPlan Build(AuditDocument document)
    {
        var hosts = document.Inventories.Select(i => i.Host.Name).Distinct(StringComparer.Ordinal).ToList();
        var plan = new BomPlan { SubjectName = hosts.Count == 1 ? hosts[0] : $"{hosts.Count} hosts" };
        var refs = new BomRefs();
        refs.Take(SubjectRef);
        var vulnerabilities = new Dictionary<(string, Suppression?), VulnerabilityNode>();
        foreach (var inventory in document.Inventories)
        {
            if (inventory.Host.Os is { } os && !plan.OperatingSystems.Any(o => o.Os == os))
            {
                plan.OperatingSystems.Add(new OsNode(refs.Take($"os:{os.Id}@{os.VersionId ?? os.Codename ?? "unknown"}"), os));
            }

            foreach (var environment in inventory.Environments)
            {
                var node = AddEnvironment(plan, refs, inventory.Host, environment);
                foreach (var package in node.Packages.Where(p => p.Audit is not null))
                {
                    AddFindings(plan, refs, vulnerabilities, package);
                }
            }
        }

        return plan;
    }

    public const string SubjectRef = "pyfleet:subject";

    private static EnvironmentNode AddEnvironment(BomPlan plan, BomRefs refs, HostInfo host, AuditedEnvironment environment)
    {
        var audit = environment.Audit;
        var node = new EnvironmentNode(refs.Take($"env:{audit.Path}"), audit.Path, audit.Kind, environment.Inventory?.Python?.Version, audit.Labels, host.Name, []);
        plan.Environments.Add(node);
        // Findings are matched to inventory packages by identity (name, version and where it was seen).
        var audits = audit.Packages.ToLookup(p => (p.Name, p.Version, p.Location, p.Origin));
        var matched = new HashSet<PackageAudit>(ReferenceEqualityComparer.Instance);
        foreach (var package in environment.Inventory?.Packages ?? [])
        {
            var found = audits[(package.Name, package.Version ?? "", package.Location, package.Origin)].FirstOrDefault(a => !matched.Contains(a));
            if (found is not null)
            {
                matched.Add(found);
            }

            var purl = PackageUrl.For(package, host);
            node.Packages.Add(new PackageNode(refs.Take(purl), package.DisplayName ?? package.Name, package.Version, purl, package, found));
        }

        foreach (var package in audit.Packages.Where(p => !matched.Contains(p)))
        {
            // No inventory given (or it did not list this copy): the component is made from the finding.
            var purl = package.OsPackage is not null && host.Os is not null
                ? PackageUrl.Deb(new OsPackageInfo("dpkg", package.OsPackage, package.Version, null), host.Os)
                : PackageUrl.PyPI(package.Name, package.Version);
            node.Packages.Add(new PackageNode(refs.Take(purl), package.Name, package.Version, purl, null, package));
        }

        return node;
    }

    private static void AddFindings(BomPlan plan, BomRefs refs, Dictionary<(string, Suppression?), VulnerabilityNode> vulnerabilities, PackageNode package)
    {
        var audit = package.Audit!;
        foreach (var finding in audit.Vulnerabilities)
        {
            Entry(finding, null).Affects.Add(package);
        }

        foreach (var suppressed in audit.Suppressed)
        {
            Entry(suppressed.Finding, suppressed.Suppression).Affects.Add(package);
        }

        VulnerabilityNode Entry(VulnerabilityFinding finding, Suppression? suppression)
        {
            if (!vulnerabilities.TryGetValue((finding.Id, suppression), out var entry))
            {
                var wanted = suppression is null ? $"vuln:{finding.Id}" : $"vuln:{finding.Id}:suppressed";
                vulnerabilities[(finding.Id, suppression)] = entry = new VulnerabilityNode(refs.Take(wanted), finding, suppression);
                plan.Vulnerabilities.Add(entry);
            }

            return entry;
        }
    }
}
