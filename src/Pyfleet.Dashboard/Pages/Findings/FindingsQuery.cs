using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Findings;
using Pyfleet.Core.Inventory;
using Pyfleet.Dashboard.Rendering;

namespace Pyfleet.Dashboard.Pages.Findings;

/// <summary>
/// The findings page's filters as query parameters, named as the API's (<c>severity</c>, <c>package</c>, <c>host</c>,
/// <c>label</c>, <c>environmentKind</c>, <c>advisory</c>, <c>kind</c>, <c>fixAvailable</c>, <c>includeSuppressed</c>,
/// <c>sort</c>, <c>order</c>) plus <c>page</c>: one object makes the filter, the sort links, the pager and the CSV
/// and JSON links, so every link keeps the same filters.
/// </summary>
public sealed class FindingsQuery
{
    public static IReadOnlyList<string> Sorts { get; } = ["severity", "package", "host", "environment", "advisory", "first-seen"];

    public static IReadOnlyList<string> Kinds { get; } = [FindingKinds.Vulnerability, FindingKinds.EndOfLife, FindingKinds.Yanked];

    private readonly Dictionary<string, string> _values;

    private FindingsQuery(Dictionary<string, string> values, int page, int pageSize)
    {
        _values = values;
        Page = page;
        PageSize = pageSize;
    }

    public int Page { get; }

    public int PageSize { get; }

    public string? this[string name] => _values.GetValueOrDefault(name);

    public string Sort => this["sort"] ?? "severity";

    public bool Descending => this["order"] is { } order ? order == "desc" : Sort is "severity" or "first-seen";

    public bool HasFilters => _values.Keys.Any(k => k is not ("sort" or "order"));

    /// <summary>Reads and checks the parameters; a value outside its list is a 400 saying which.</summary>
    public static FindingsQuery From(IQueryCollection query, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "severity", "package", "host", "label", "environmentKind", "advisory", "kind", "fixAvailable", "includeSuppressed", "sort", "order" })
        {
            if (query[name].ToString().Trim() is { Length: > 0 } text)
            {
                values[name] = text.Length <= 500 ? text : throw FleetException.BadRequest($"{name} is longer than 500 characters");
            }
        }

        Check(values, "severity", Severity.All);
        Check(values, "kind", Kinds);
        Check(values, "sort", Sorts);
        Check(values, "order", ["asc", "desc"]);
        Check(values, "fixAvailable", ["true", "false"]);
        Check(values, "includeSuppressed", ["true", "false"]);
        var page = query["page"].ToString() is { Length: > 0 } p
            ? int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1_000_000 ? n : throw FleetException.BadRequest($"page '{p}' is not a page number")
            : 1;
        return new FindingsQuery(values, page, pageSize);
    }

    /// <summary>The filter for one page (or, with <paramref name="limit"/>, for a download from the first row).</summary>
    public FindingsFilter Filter(int? limit = null) => new(
        Severity: this["severity"],
        Package: this["package"],
        Host: this["host"],
        Label: this["label"],
        EnvironmentKind: this["environmentKind"],
        Advisory: this["advisory"],
        Kind: this["kind"],
        FixAvailable: this["fixAvailable"] is { } fix ? fix == "true" : null,
        IncludeSuppressed: this["includeSuppressed"] == "true",
        Sort: Sort,
        Descending: Descending,
        Offset: limit is null ? (Page - 1) * PageSize : 0,
        Limit: limit ?? PageSize);

    /// <summary>A link to <paramref name="path"/> with these filters, some replaced (null removes one); the page resets unless given.</summary>
    public string Link(string path, params (string Name, string? Value)[] changes)
    {
        var values = new SortedDictionary<string, string>(_values, StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                values.Remove(name);
            }
            else
            {
                values[name] = value;
            }
        }

        var text = new StringBuilder(path);
        var first = true;
        foreach (var (name, value) in values)
        {
            text.Append(first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }

        return text.ToString();
    }

    /// <summary>The header link: sort by <paramref name="column"/>, flipping the order when it is already the sort.</summary>
    public string SortLink(string column)
    {
        var descending = Sort == column ? !Descending : column is "severity" or "first-seen";
        return Link("/findings", ("sort", column), ("order", descending ? "desc" : "asc"));
    }

    public string PageLink(int page) => Link("/findings", ("page", page.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Environment kinds for the filter's list.</summary>
    public static IReadOnlyList<string> EnvironmentKinds { get; } =
    [
        Core.Inventory.EnvironmentKinds.Venv, Core.Inventory.EnvironmentKinds.System, Core.Inventory.EnvironmentKinds.Conda,
        Core.Inventory.EnvironmentKinds.Pyenv, Core.Inventory.EnvironmentKinds.UserSite, Core.Inventory.EnvironmentKinds.Sbom,
        Core.Inventory.EnvironmentKinds.Requirements, Core.Inventory.EnvironmentKinds.PoetryLock, Core.Inventory.EnvironmentKinds.PipfileLock,
        Core.Inventory.EnvironmentKinds.UvLock, Core.Inventory.EnvironmentKinds.PyLock, Core.Inventory.EnvironmentKinds.PdmLock,
        Core.Inventory.EnvironmentKinds.Pyproject, Core.Inventory.EnvironmentKinds.SetupCfg, Core.Inventory.EnvironmentKinds.Buildout,
    ];

    private static void Check(Dictionary<string, string> values, string name, IReadOnlyList<string> allowed)
    {
        if (values.TryGetValue(name, out var value) && !allowed.Contains(value, StringComparer.Ordinal))
        {
            throw FleetException.BadRequest($"{name} '{value}' is not one of {string.Join(", ", allowed)}");
        }
    }
}
