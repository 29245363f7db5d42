using System.Globalization;
using System.Text.Json;
using Pyfleet.Core.Advisories.Osv;

namespace Pyfleet.Core.Auditing.Internal;

/// <summary>
/// The CWE numbers OSV records name: GHSA writes <c>database_specific.cwe_ids: ["CWE-79"]</c>
/// (https://github.com/github/advisory-database), other databases name none.
/// </summary>
internal static class CweIds
{
    public static IReadOnlyList<int> Of(IEnumerable<OsvRecord> records)
    {
        List<int>? cwes = null;
        foreach (var record in records)
        {
            if (record.DatabaseSpecific is not { ValueKind: JsonValueKind.Object } specific
                || !specific.TryGetProperty("cwe_ids", out var ids) || ids.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var id in ids.EnumerateArray())
            {
                if (id.ValueKind == JsonValueKind.String && id.GetString() is { } text
                    && text.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    (cwes ??= []).Add(number);
                }
            }
        }

        if (cwes is null)
        {
            return [];
        }

        // Sorted and deduplicated in place (no value-type LINQ: it is compiled at run time on every start).
        cwes.Sort();
        var kept = 0;
        for (var i = 0; i < cwes.Count; i++)
        {
            if (i == 0 || cwes[i] != cwes[kept - 1])
            {
                cwes[kept++] = cwes[i];
            }
        }

        cwes.RemoveRange(kept, cwes.Count - kept);
        return cwes;
    }
}
