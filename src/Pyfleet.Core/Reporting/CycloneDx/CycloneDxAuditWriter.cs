using System.Globalization;
using System.Text.Json;
using Pyfleet.Core.Reporting.CycloneDx.Internal;
using Pyfleet.Core.Reporting.Internal;

namespace Pyfleet.Core.Reporting.CycloneDx;

/// <summary>
/// Writes an audit as a CycloneDX 1.6 JSON BOM with a VEX (FORMATS.md §10.2, https://cyclonedx.org/docs/1.6/json/):
/// the host's OS and one <c>application</c> component per environment with every package nested (purl as
/// <see cref="PackageUrl"/> builds it), <c>dependencies</c> from the subject to the environments to their packages,
/// and one vulnerability per advisory (and per suppression) with ratings, CWEs, aliases as references, the
/// minimal fix as recommendation, <c>affects</c> pointing at the components and an <c>analysis</c>:
/// <c>in_triage</c> when open, the suppression's state, justification and reason when suppressed.
/// </summary>
public static class CycloneDxAuditWriter
{
    public static void Write(AuditDocument document, Stream output)
    {
        var plan = BomPlan.Build(document);
        using var json = new Utf8JsonWriter(output, BomJson.Options);
        json.WriteStartObject();
        BomJson.WriteHeader(json, document.SerialNumber);
        var properties = new List<(string, string)> { ("pyfleet:asOf", BomJson.Timestamp(document.AsOf)) };
        properties.AddRange(document.Inventories.Select(i => ("pyfleet:input", i.Path)));
        BomJson.WriteMetadata(json, document.Timestamp, document.ToolVersion, plan.SubjectName, properties);
        json.WriteStartArray("components");
        foreach (var os in plan.OperatingSystems)
        {
            BomJson.WriteOs(json, os);
        }

        var environments = document.AllEnvironments.ToList();
        for (var i = 0; i < plan.Environments.Count; i++)
        {
            var audit = environments[i].Audit;
            BomJson.WriteEnvironment(json, plan.Environments[i], Counts(audit));
        }

        json.WriteEndArray();
        BomJson.WriteDependencies(json, plan);
        json.WriteStartArray("vulnerabilities");
        foreach (var vulnerability in plan.Vulnerabilities)
        {
            WriteVulnerability(json, vulnerability);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static IEnumerable<(string, string)> Counts(Auditing.EnvironmentAudit audit)
    {
        yield return ("pyfleet:packagesChecked", audit.PackagesChecked.ToString(CultureInfo.InvariantCulture));
        foreach (var skipped in audit.Skipped)
        {
            yield return ("pyfleet:skipped", $"{skipped.Name}: {skipped.Reason}");
        }
    }

    private static void WriteVulnerability(Utf8JsonWriter json, BomPlan.VulnerabilityNode node)
    {
        var finding = node.Finding;
        json.WriteStartObject();
        json.WriteString("bom-ref", node.Ref);
        json.WriteString("id", finding.Id);
        var (sourceName, sourceUrl) = AdvisoryLinks.Source(finding.Id);
        WriteSource(json, sourceName, sourceUrl);
        if (finding.Aliases.Count > 0)
        {
            json.WriteStartArray("references");
            foreach (var alias in finding.Aliases)
            {
                json.WriteStartObject();
                json.WriteString("id", alias);
                var (name, url) = AdvisoryLinks.Source(alias);
                WriteSource(json, name, url);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        WriteRating(json, finding.Severity);
        if (finding.Cwes.Count > 0)
        {
            json.WriteStartArray("cwes");
            foreach (var cwe in finding.Cwes)
            {
                json.WriteNumberValue(cwe);
            }

            json.WriteEndArray();
        }

        if (finding.Summary is { Length: > 0 } summary)
        {
            json.WriteString("description", summary);
        }

        if (Recommendation(node) is { } recommendation)
        {
            json.WriteString("recommendation", recommendation);
        }

        json.WriteStartArray("advisories");
        json.WriteStartObject();
        json.WriteString("url", AdvisoryLinks.Osv(finding.Id));
        json.WriteEndObject();
        json.WriteEndArray();
        if (finding.Published is { } published)
        {
            json.WriteString("published", BomJson.Timestamp(published));
        }

        if (finding.Modified is { } modified && modified > DateTimeOffset.MinValue)
        {
            json.WriteString("updated", BomJson.Timestamp(modified));
        }

        WriteAnalysis(json, node.Suppression is { } s ? VexAnalysis.Of(s) : VexAnalysis.Open);
        WriteAffects(json, node);
        BomJson.WriteProperties(json, [("pyfleet:judgedBy", finding.Source), .. finding.FixedIn.Select(f => ("pyfleet:fixedIn", f))]);
        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json, string name, string url)
    {
        json.WriteStartObject("source");
        json.WriteString("name", name);
        json.WriteString("url", url);
        json.WriteEndObject();
    }

    private static void WriteRating(Utf8JsonWriter json, Advisories.Cvss.CvssScore severity)
    {
        json.WriteStartArray("ratings");
        json.WriteStartObject();
        json.WriteStartObject("source");
        json.WriteString("name", "OSV");
        json.WriteEndObject();
        if (severity.Score is { } score)
        {
            json.WriteNumber("score", score);
        }

        json.WriteString("severity", Ratings.Severity(severity.Rating));
        json.WriteString("method", Ratings.Method(severity));
        if (Ratings.Vector(severity) is { } vector)
        {
            json.WriteString("vector", vector);
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }

    // "Upgrade django to 4.2.15" per distinct (package, minimal fix) the entry affects.
    private static string? Recommendation(BomPlan.VulnerabilityNode node)
    {
        var fixes = node.Affects
            .Select(p => p.Audit!)
            .Where(a => a.MinimalFix is not null)
            .Select(a => $"{a.OsPackage ?? a.Name} to {a.MinimalFix}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (fixes.Count > 0)
        {
            return "Upgrade " + string.Join("; ", fixes);
        }

        return node.Finding.FixedIn.Count > 0 ? $"Upgrade to a fixed version: {string.Join(", ", node.Finding.FixedIn)}" : "No fixed version is known";
    }

    private static void WriteAnalysis(Utf8JsonWriter json, VexAnalysis.Analysis analysis)
    {
        json.WriteStartObject("analysis");
        json.WriteString("state", analysis.State);
        if (analysis.Justification is { } justification)
        {
            json.WriteString("justification", justification);
        }

        if (analysis.Response is { } response)
        {
            json.WriteStartArray("response");
            json.WriteStringValue(response);
            json.WriteEndArray();
        }

        json.WriteString("detail", analysis.Detail);
        json.WriteEndObject();
    }

    private static void WriteAffects(Utf8JsonWriter json, BomPlan.VulnerabilityNode node)
    {
        json.WriteStartArray("affects");
        foreach (var package in node.Affects)
        {
            json.WriteStartObject();
            json.WriteString("ref", package.Ref);
            json.WriteStartArray("versions");
            json.WriteStartObject();
            json.WriteString("version", package.Package?.OsPackage is { Manager: "dpkg" } os ? os.Version : package.Audit!.Version);
            json.WriteString("status", "affected");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
