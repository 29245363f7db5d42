using System.Text;
using Pyfleet.Core.Advisories;
using Pyfleet.Core.Advisories.Osv;

namespace Pyfleet.Core.Tests.Advisories;

/// <summary>Builds OSV records from JSON text for focused tests.</summary>
internal static class OsvTestRecords
{
    public static OsvRecord Parse(string json)
    {
        var warnings = new List<AdvisoryWarning>();
        return OsvRecordReader.Read(Encoding.UTF8.GetBytes(json), "test", warnings) ?? throw new InvalidOperationException(string.Join("; ", warnings));
    }

    /// <summary>A PyPI record for <paramref name="package"/> with the given ranges JSON and versions.</summary>
    public static OsvRecord PyPI(string id, string package, string rangesJson, string versionsJson = "[]", string aliases = "[]", string extra = "") =>
        Parse($$"""
        {"id":"{{id}}","modified":"2024-01-01T00:00:00Z","published":"2023-06-01T00:00:00Z","aliases":{{aliases}},"summary":"{{id}} summary",{{extra}}
         "affected":[{"package":{"ecosystem":"PyPI","name":"{{package}}"},"ranges":{{rangesJson}},"versions":{{versionsJson}}}]}
        """);
}
