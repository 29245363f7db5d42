using System.Text.Json;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Lifecycle;
using Pyfleet.Core.Releases.Analysis;
using Pyfleet.Core.Reporting.CycloneDx.Internal;
using Pyfleet.Core.Reporting.Internal;

namespace Pyfleet.Core.Reporting.CycloneDx;

/// <summary>
/// Writes <c>pyfleet outdated</c> results as a CycloneDX 1.6 BOM: the inventory (environments with their packages,
/// as <see cref="CycloneDxAuditWriter"/> lays them out) with each package's upgrade picture and lifecycle as
/// properties, and the advisories a security upgrade fixes as vulnerabilities recommending that upgrade.
/// </summary>
public static class CycloneDxOutdatedWriter
{
    public static void Write(OutdatedResult result, Stream output, DateTimeOffset timestamp, string toolVersion, HostInfo? host = null, Guid? serialNumber = null)
    {
        var refs = new BomRefs();
        refs.Take(BomPlan.SubjectRef);
        var plan = new BomPlan { SubjectName = host?.Name ?? "pyfleet outdated" };
        if (host?.Os is { } os)
        {
            plan.OperatingSystems.Add(new BomPlan.OsNode(refs.Take($"os:{os.Id}@{os.VersionId ?? os.Codename ?? "unknown"}"), os));
        }

        var upgrades = new Dictionary<BomPlan.PackageNode, OutdatedPackage>();
        foreach (var environment in result.Environments)
        {
            var node = new BomPlan.EnvironmentNode(refs.Take($"env:{environment.Path}"), environment.Path, environment.Kind, environment.PythonVersion, [], host?.Name ?? "", []);
            foreach (var package in environment.Packages)
            {
                var inventory = new InventoryPackage { Name = package.Report.Name, Version = package.Report.Version, OsPackage = package.OsPackage, Origin = package.Origin };
                var purl = PackageUrl.For(inventory, host);
                var packageNode = new BomPlan.PackageNode(refs.Take(purl), inventory.Name, inventory.Version, purl, inventory, null);
                node.Packages.Add(packageNode);
                upgrades[packageNode] = package;
            }

            plan.Environments.Add(node);
        }

        using var json = new Utf8JsonWriter(output, BomJson.Options);
        json.WriteStartObject();
        BomJson.WriteHeader(json, serialNumber);
        BomJson.WriteMetadata(json, timestamp, toolVersion, plan.SubjectName, [("pyfleet:asOf", result.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))]);
        json.WriteStartArray("components");
        foreach (var osNode in plan.OperatingSystems)
        {
            BomJson.WriteOs(json, osNode);
        }

        for (var i = 0; i < plan.Environments.Count; i++)
        {
            WriteEnvironment(json, plan.Environments[i], result.Environments[i], upgrades);
        }

        json.WriteEndArray();
        BomJson.WriteDependencies(json, plan);
        WriteVulnerabilities(json, refs, upgrades);
        json.WriteEndObject();
    }

    private static void WriteEnvironment(Utf8JsonWriter json, BomPlan.EnvironmentNode node, OutdatedEnvironment environment, Dictionary<BomPlan.PackageNode, OutdatedPackage> upgrades)
    {
        // The environment and its packages as the audit BOM writes them, each package with its upgrade properties.
        json.WriteStartObject();
        json.WriteString("type", "application");
        json.WriteString("bom-ref", node.Ref);
        json.WriteString("name", node.Path);
        BomJson.WriteProperties(json, [("pyfleet:environment:kind", node.Kind), .. Optional("pyfleet:python:version", node.Python), .. Eol("pyfleet:python:eol", environment.PythonEol)]);
        json.WriteStartArray("components");
        foreach (var package in node.Packages)
        {
            BomJson.WritePackage(json, package, UpgradeProperties(upgrades[package]));
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static IEnumerable<(string, string)> UpgradeProperties(OutdatedPackage package)
    {
        var r = package.Report;
        yield return ("pyfleet:upgradeKind", r.Kind.ToString().ToLowerInvariant());
        foreach (var item in Optional("pyfleet:latest", r.Latest).Concat(Optional("pyfleet:recommended", r.Recommended)).Concat(Optional("pyfleet:securityFix", r.SecurityFix)))
        {
            yield return item;
        }

        if (r.Yanked)
        {
            yield return ("pyfleet:yanked", r.YankedReason ?? "true");
        }

        foreach (var item in Eol("pyfleet:eol", package.Eol))
        {
            yield return item;
        }
    }

    private static IEnumerable<(string, string)> Optional(string name, string? value) => value is null ? [] : [(name, value)];

    private static IEnumerable<(string, string)> Eol(string name, EolStatus? eol) =>
        eol is null ? [] : [(name, $"{eol.Product} {eol.Cycle}: {(eol.EffectiveEol ? "end-of-life" : eol.EolSoon ? "end-of-life soon" : "supported")}{(eol.EolDate is { } d ? $" (EOL {d:yyyy-MM-dd})" : "")}")];

    private static void WriteVulnerabilities(Utf8JsonWriter json, BomRefs refs, Dictionary<BomPlan.PackageNode, OutdatedPackage> upgrades)
    {
        var byAdvisory = upgrades.Where(u => u.Value.Report.Kind == UpgradeKind.Security)
            .SelectMany(u => u.Value.Report.Advisories.Select(a => (Advisory: a, Node: u.Key, Package: u.Value)))
            .GroupBy(x => x.Advisory.Id, StringComparer.Ordinal);
        json.WriteStartArray("vulnerabilities");
        foreach (var group in byAdvisory)
        {
            var first = group.First();
            json.WriteStartObject();
            json.WriteString("bom-ref", refs.Take($"vuln:{group.Key}"));
            json.WriteString("id", group.Key);
            var (name, url) = AdvisoryLinks.Source(group.Key);
            json.WriteStartObject("source");
            json.WriteString("name", name);
            json.WriteString("url", url);
            json.WriteEndObject();
            if (first.Advisory.Summary is { } summary)
            {
                json.WriteString("description", summary);
            }

            var fixes = group.Select(x => $"{x.Package.Report.Name} to {x.Package.Report.SecurityFix ?? x.Package.Report.Recommended}").Distinct(StringComparer.Ordinal);
            json.WriteString("recommendation", "Upgrade " + string.Join("; ", fixes));
            json.WriteStartArray("affects");
            foreach (var (_, node, package) in group)
            {
                json.WriteStartObject();
                json.WriteString("ref", node.Ref);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
