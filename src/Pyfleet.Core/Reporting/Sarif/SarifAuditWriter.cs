using System.Text.Json;
using Pyfleet.Core.Auditing;
using Pyfleet.Core.Reporting.Internal;
using Pyfleet.Core.Reporting.Sarif.Internal;

namespace Pyfleet.Core.Reporting.Sarif;

/// <summary>
/// Writes an audit as SARIF 2.1.0 (FORMATS.md §10.1) for code-review tools: one rule per advisory (its summary,
/// aliases, fixed versions and GitHub's <c>security-severity</c>), one result per vulnerable package occurrence,
/// located at the manifest line that pins it (<c>origin</c> file:line) or, for installed packages, at their
/// metadata file in the environment. Suppressed findings are results with an accepted external suppression.
/// </summary>
public static class SarifAuditWriter
{
    public static void Write(AuditDocument document, Stream output)
    {
        var rules = new List<VulnerabilityFinding>();
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var package in document.AllEnvironments.SelectMany(e => e.Audit.Packages))
        {
            foreach (var finding in package.Vulnerabilities.Concat(package.Suppressed.Select(s => s.Finding)))
            {
                if (ruleIndex.TryAdd(finding.Id, rules.Count))
                {
                    rules.Add(finding);
                }
            }
        }

        using var json = new Utf8JsonWriter(output, SarifParts.Options);
        SarifParts.BeginRun(json, document.ToolVersion);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        SarifParts.EndTool(json, document.SourceRoot);
        json.WriteStartArray("results");
        foreach (var environment in document.AllEnvironments)
        {
            foreach (var package in environment.Audit.Packages)
            {
                foreach (var finding in package.Vulnerabilities)
                {
                    WriteResult(json, document.SourceRoot, environment.Audit, package, finding, ruleIndex[finding.Id], null);
                }

                foreach (var suppressed in package.Suppressed)
                {
                    WriteResult(json, document.SourceRoot, environment.Audit, package, suppressed.Finding, ruleIndex[suppressed.Finding.Id], suppressed.Suppression);
                }
            }
        }

        json.WriteEndArray();
        SarifParts.EndRun(json);
    }

    private static void WriteRule(Utf8JsonWriter json, VulnerabilityFinding finding)
    {
        json.WriteStartObject();
        json.WriteString("id", finding.Id);
        SarifParts.WriteText(json, "shortDescription", finding.Summary ?? finding.Id);
        var aliases = finding.Aliases.Count > 0 ? $" Also known as {string.Join(", ", finding.Aliases)}." : "";
        var fixedIn = finding.FixedIn.Count > 0 ? $" Fixed in {string.Join(", ", finding.FixedIn)}." : " No fixed version is known.";
        SarifParts.WriteText(json, "fullDescription", $"{finding.Summary ?? finding.Id}.{aliases}{fixedIn}".Replace("..", ".", StringComparison.Ordinal));
        json.WriteString("helpUri", AdvisoryLinks.Osv(finding.Id));
        json.WriteStartObject("help");
        json.WriteString("text", finding.FixedIn.Count > 0 ? $"Upgrade to a version without {finding.Id}: {string.Join(", ", finding.FixedIn)}." : $"No fixed version of {finding.Id} is known.");
        json.WriteString("markdown", finding.FixedIn.Count > 0
            ? $"Upgrade to a version without [{finding.Id}]({AdvisoryLinks.Osv(finding.Id)}): {string.Join(", ", finding.FixedIn.Select(v => $"`{v}`"))}."
            : $"No fixed version of [{finding.Id}]({AdvisoryLinks.Osv(finding.Id)}) is known.");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", SarifParts.Level(finding.Severity.Rating));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue("security");
        json.WriteStringValue("vulnerability");
        json.WriteStringValue(finding.Source);
        json.WriteEndArray();
        if (SarifParts.SecuritySeverity(finding.Severity) is { } securitySeverity)
        {
            json.WriteString("security-severity", securitySeverity);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, string? sourceRoot, EnvironmentAudit environment, PackageAudit package, VulnerabilityFinding finding, int ruleIndex, Suppression? suppression)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", SarifParts.Level(finding.Severity.Rating));
        var name = package.OsPackage is { } os ? $"{package.Name} ({os})" : package.Name;
        var aliases = finding.Aliases.Count > 0 ? $" ({string.Join(", ", finding.Aliases)})" : "";
        var fix = package.MinimalFix is { } minimal ? $"; upgrade to {minimal}" : "; no fixed version is known";
        SarifParts.WriteText(json, "message", $"{name} {package.Version} in {environment.Path} is affected by {finding.Id}{aliases}{fix}.");
        json.WriteStartArray("locations");
        var (path, line) = Location(environment, package);
        SarifParts.WriteLocation(json, path, line, sourceRoot);
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString("packageVulnerability/v1", $"{package.Name}|{package.Version}|{finding.Id}|{environment.Path}");
        json.WriteEndObject();
        if (suppression is not null)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "external");
            // No "status": the committee-draft schema in the tests calls it "state", the OASIS standard "status";
            // absent, both read the suppression as accepted.
            json.WriteString("justification", suppression.Expires is { } expires ? $"{suppression.Reason} (until {expires:yyyy-MM-dd})" : suppression.Reason);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        json.WriteString("package", package.Name);
        json.WriteString("version", package.Version);
        json.WriteString("environment", environment.Path);
        json.WriteStartArray("labels");
        foreach (var label in environment.Labels)
        {
            json.WriteStringValue(label);
        }

        json.WriteEndArray();
        json.WriteString("minimalFix", package.MinimalFix);
        json.WriteString("severity", finding.Severity.Rating.ToString().ToLowerInvariant());
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The manifest line that pins the package, else its metadata file, else the environment.</summary>
    internal static (string Path, int? Line) Location(EnvironmentAudit environment, PackageAudit package)
    {
        if (package.Origin is { } origin)
        {
            return SarifParts.Origin(origin);
        }

        if (package.Location is { } location)
        {
            return location.EndsWith(".dist-info", StringComparison.Ordinal) ? (Path.Combine(location, "METADATA"), null) : (location, null);
        }

        return (environment.Path, null);
    }
}
