using System.Globalization;
using System.Text;

namespace Pyfleet.Core.Fleet.Findings;

/// <summary>
/// Findings as CSV (RFC 4180, one header line), for <c>GET /api/v1/findings?format=csv</c> and the dashboard's
/// download link. A cell that a spreadsheet would run as a formula (<c>= + - @</c> first) gets a leading quote.
/// </summary>
public static class FindingsCsv
{
    public const string Header = "host,environment,environmentKind,labels,package,version,osPackage,kind,advisoryId,aliases,summary,severity,fixedVersion,eolDate,suppressedBecause,snapshot,firstSeen";

    public static string Write(IEnumerable<FleetFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var f in findings)
        {
            string?[] cells =
            [
                f.Host, f.Environment, f.EnvironmentKind, string.Join(' ', f.Labels), f.Package, f.Version, f.OsPackage, f.Kind, f.AdvisoryId,
                string.Join(' ', f.Aliases), f.Summary, f.Severity, f.FixedVersion, f.EolDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                f.SuppressedBecause, f.Snapshot.ToString(CultureInfo.InvariantCulture), f.FirstSeen.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ];
            text.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
