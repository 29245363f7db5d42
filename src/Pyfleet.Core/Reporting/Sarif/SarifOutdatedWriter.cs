using System.Text.Json;
using Pyfleet.Core.Lifecycle;
using Pyfleet.Core.Releases.Analysis;
using Pyfleet.Core.Reporting.Internal;
using Pyfleet.Core.Reporting.Sarif.Internal;

namespace Pyfleet.Core.Reporting.Sarif;

/// <summary>
/// Writes <c>pyfleet outdated</c> results as SARIF 2.1.0: a rule per advisory a security upgrade fixes, and
/// fixed rules for yanked installs, end-of-life (reached or near) of packages and Pythons, and plain newer
/// releases (notes); each result located at the manifest line (<c>origin</c>) or the environment.
/// </summary>
public static class SarifOutdatedWriter
{
    private static readonly (string Id, string Name, string Text, string Level)[] FixedRules =
    [
        ("PYFLEET-YANKED", "yanked-release", "The installed release was yanked from the index (PEP 592).", "warning"),
        ("PYFLEET-EOL", "end-of-life", "The release cycle is end-of-life: it gets no more security fixes.", "error"),
        ("PYFLEET-EOL-SOON", "end-of-life-soon", "The release cycle reaches end-of-life within the warning window.", "warning"),
        ("PYFLEET-PYTHON-EOL", "python-end-of-life", "The environment's Python is end-of-life.", "error"),
        ("PYFLEET-OUTDATED", "newer-release", "A newer release is available.", "note"),
    ];

    public static void Write(OutdatedResult result, Stream output, string? sourceRoot, string toolVersion)
    {
        var advisories = result.Environments.SelectMany(e => e.Packages)
            .Where(p => p.Report.Kind == UpgradeKind.Security)
            .SelectMany(p => p.Report.Advisories)
            .DistinctBy(a => a.Id)
            .ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(output, SarifParts.Options);
        SarifParts.BeginRun(json, toolVersion);
        json.WriteStartArray("rules");
        foreach (var advisory in advisories)
        {
            index[advisory.Id] = index.Count;
            WriteRule(json, advisory.Id, null, advisory.Summary ?? advisory.Id, "warning", AdvisoryLinks.Osv(advisory.Id), security: true);
        }

        foreach (var (id, name, text, level) in FixedRules)
        {
            index[id] = index.Count;
            WriteRule(json, id, name, text, level, null, security: false);
        }

        json.WriteEndArray();
        SarifParts.EndTool(json, sourceRoot);
        json.WriteStartArray("results");
        foreach (var environment in result.Environments)
        {
            WriteEnvironment(json, environment, index, sourceRoot);
        }

        json.WriteEndArray();
        SarifParts.EndRun(json);
    }

    private static void WriteEnvironment(Utf8JsonWriter json, OutdatedEnvironment environment, Dictionary<string, int> index, string? sourceRoot)
    {
        void Result(string ruleId, string level, string message, string? origin)
        {
            var (path, line) = origin is null ? (environment.Path, (int?)null) : SarifParts.Origin(origin);
            json.WriteStartObject();
            json.WriteString("ruleId", ruleId);
            json.WriteNumber("ruleIndex", index[ruleId]);
            json.WriteString("level", level);
            SarifParts.WriteText(json, "message", message);
            json.WriteStartArray("locations");
            SarifParts.WriteLocation(json, path, line, sourceRoot);
            json.WriteEndArray();
            json.WriteStartObject("partialFingerprints");
            json.WriteString("pyfleetOutdated/v1", $"{ruleId}|{environment.Path}|{message}");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        if (environment.PythonEol is { EffectiveEol: true } python)
        {
            Result("PYFLEET-PYTHON-EOL", "error", $"Python {environment.PythonVersion} in {environment.Path} is end-of-life{Since(python)}.", null);
        }

        foreach (var package in environment.Packages)
        {
            var r = package.Report;
            var what = $"{r.Name} {r.Version ?? "(unpinned)"} in {environment.Path}";
            if (r.Kind == UpgradeKind.Security)
            {
                foreach (var advisory in r.Advisories)
                {
                    Result(advisory.Id, "warning", $"{what} is affected by {advisory.Id}; upgrade to {r.SecurityFix ?? r.Recommended ?? r.Latest}.", package.Origin);
                }
            }
            else if (r.Kind is UpgradeKind.Major or UpgradeKind.Minor or UpgradeKind.Patch)
            {
                Result("PYFLEET-OUTDATED", "note", $"{what}: {r.Kind.ToString().ToLowerInvariant()} upgrade available (latest {r.Latest}, recommended {r.Recommended ?? r.Latest}).", package.Origin);
            }

            if (r.Yanked)
            {
                Result("PYFLEET-YANKED", "warning", $"{what} was yanked{(r.YankedReason is { } reason ? $": {reason}" : "")}.", package.Origin);
            }

            if (package.Eol is { EffectiveEol: true } eol)
            {
                Result("PYFLEET-EOL", "error", $"{what}: {eol.Product} {eol.Cycle} is end-of-life{Since(eol)}.", package.Origin);
            }
            else if (package.Eol is { EolSoon: true } soon)
            {
                Result("PYFLEET-EOL-SOON", "warning", $"{what}: {soon.Product} {soon.Cycle} reaches end-of-life on {soon.EolDate:yyyy-MM-dd} ({soon.DaysLeft} days).", package.Origin);
            }
        }
    }

    private static string Since(EolStatus eol) => eol.EolDate is { } date ? $" since {date:yyyy-MM-dd}" : "";

    private static void WriteRule(Utf8JsonWriter json, string id, string? name, string text, string level, string? helpUri, bool security)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        if (name is not null)
        {
            json.WriteString("name", name);
        }

        SarifParts.WriteText(json, "shortDescription", text);
        if (helpUri is not null)
        {
            json.WriteString("helpUri", helpUri);
        }

        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", level);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue(security ? "security" : "maintenance");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
