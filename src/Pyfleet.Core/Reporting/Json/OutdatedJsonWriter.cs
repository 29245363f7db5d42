using System.Globalization;
using System.Text.Json;
using Pyfleet.Core.Lifecycle;
using Pyfleet.Core.Releases.Analysis;

namespace Pyfleet.Core.Reporting.Json;

/// <summary>
/// The <c>outdated --format json</c> document (schemaVersion 1), in a stable field order. Writes every package of
/// <c>report</c>: filtering (<c>--kind</c>) happens before.
/// </summary>
public sealed class OutdatedJsonWriter : IReportWriter<OutdatedResult>
{
    public string Name => "json";

    public string Description => "the outdated JSON document (schemaVersion 1)";

    public async Task WriteAsync(OutdatedResult report, Stream output, ReportOptions options, CancellationToken cancellationToken = default)
    {
        var result = report;
        await using (var json = new Utf8JsonWriter(output, JsonWriters.Options(options.Indented)))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteString("asOf", result.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("hostOs", result.HostOs);
            WriteEol(json, "hostOsEol", result.HostOsEol);
            json.WriteStartArray("environments");
            foreach (var environment in result.Environments)
            {
                json.WriteStartObject();
                json.WriteString("path", environment.Path);
                json.WriteString("kind", environment.Kind);
                json.WriteStartObject("python");
                json.WriteString("version", environment.PythonVersion);
                WriteEol(json, "eol", environment.PythonEol);
                json.WriteEndObject();
                json.WriteStartArray("packages");
                foreach (var package in environment.Packages)
                {
                    WritePackage(json, package);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in result.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
            json.WriteStartArray("errors");
            foreach (var error in result.Errors)
            {
                json.WriteStartObject();
                json.WriteString("path", error.Path);
                if (error.Line is { } line)
                {
                    json.WriteNumber("line", line);
                }
                else
                {
                    json.WriteNull("line");
                }

                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        await output.WriteAsync("\n"u8.ToArray(), cancellationToken);
    }

    private static void WritePackage(Utf8JsonWriter json, OutdatedPackage package)
    {
        var r = package.Report;
        json.WriteStartObject();
        json.WriteString("name", r.Name);
        json.WriteString("version", r.Version);
        json.WriteString("latest", r.Latest);
        json.WriteString("latestInMinor", r.LatestInMinor);
        json.WriteString("latestInMajor", r.LatestInMajor);
        json.WriteString("upgradeKind", r.Kind.ToString().ToLowerInvariant());
        json.WriteString("recommended", r.Recommended);
        json.WriteString("securityFix", r.SecurityFix);
        json.WriteStartArray("advisories");
        foreach (var advisory in r.Advisories)
        {
            json.WriteStringValue(advisory.Id);
        }

        json.WriteEndArray();
        if (r.Yanked)
        {
            json.WriteStartObject("yanked");
            json.WriteString("reason", r.YankedReason);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("yanked");
        }

        if (r.BlockedByPython is { } blocked)
        {
            json.WriteStartObject("blockedByPython");
            json.WriteString("version", blocked.Version);
            json.WriteString("requiresPython", blocked.RequiresPython);
            json.WriteString("python", blocked.Python);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("blockedByPython");
        }

        json.WriteString("projectStatus", r.Status.Status);
        json.WriteString("projectStatusReason", r.Status.Reason);
        json.WriteString("lastRelease", r.LastRelease?.ToString("O", CultureInfo.InvariantCulture));
        json.WriteBoolean("stale", r.Stale);
        json.WriteString("note", r.Note);
        WriteEol(json, "eol", package.Eol);
        json.WriteString("osPackage", package.OsPackage is { } os ? $"{os.Name} {os.Version}" : null);
        json.WriteString("origin", package.Origin);
        json.WriteEndObject();
    }

    private static void WriteEol(Utf8JsonWriter json, string name, EolStatus? eol)
    {
        if (eol is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("product", eol.Product);
        json.WriteString("cycle", eol.Cycle);
        WriteDate(json, "eolDate", eol.EolDate);
        WriteDate(json, "activeSupportEnd", eol.ActiveSupportEnd);
        json.WriteBoolean("isEol", eol.IsEol);
        json.WriteBoolean("pastActiveSupport", eol.PastActiveSupport);
        json.WriteBoolean("lts", eol.IsLts);
        json.WriteString("latestInCycle", eol.LatestInCycle);
        json.WriteBoolean("eolSoon", eol.EolSoon);
        if (eol.DaysLeft is { } days)
        {
            json.WriteNumber("daysLeft", days);
        }
        else
        {
            json.WriteNull("daysLeft");
        }

        if (eol.Distribution is { } d)
        {
            json.WriteStartObject("distribution");
            json.WriteString("product", d.Product);
            json.WriteString("cycle", d.Cycle);
            WriteDate(json, "securitySupportEnd", d.SecuritySupportEnd);
            WriteDate(json, "extendedSupportEnd", d.ExtendedSupportEnd);
            WriteDate(json, "supportEnd", d.SupportEnd);
            json.WriteBoolean("isEol", d.IsEol);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("distribution");
        }

        json.WriteBoolean("effectiveEol", eol.EffectiveEol);
        json.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            json.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
