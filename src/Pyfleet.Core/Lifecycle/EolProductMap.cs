using Pyfleet.Packaging.Names;

namespace Pyfleet.Core.Lifecycle;

/// <summary>
/// PyPI project → endoflife.date product. Built from the products' <c>pkg:pypi/NAME</c> purl identifiers
/// (after a sync), plus a small table for products that carry only repology identifiers (FORMATS §8.3).
/// A package with no product is "unknown", never "supported".
/// </summary>
public sealed class EolProductMap
{
    /// <summary>Products known to track a PyPI project, for use before a sync (identifiers as of 2026-08).</summary>
    private static readonly Dictionary<string, string> _table = new(StringComparer.Ordinal)
    {
        ["django"] = "django",
        ["numpy"] = "numpy",
        ["wagtail"] = "wagtail",
        ["ansible"] = "ansible",
        ["apache-airflow"] = "apache-airflow",
        // repology-only products:
        ["ansible-core"] = "ansible-core",
        ["plone"] = "plone",
        ["products-cmfplone"] = "plone",
        ["salt"] = "salt",
        ["dbt-core"] = "dbt-core",
        ["thumbor"] = "thumbor",
    };

    private readonly Dictionary<string, string> _map;

    private EolProductMap(Dictionary<string, string> map) => _map = map;

    /// <summary>The built-in table only.</summary>
    public static EolProductMap Default { get; } = new(new Dictionary<string, string>(_table, StringComparer.Ordinal));

    /// <summary>The table plus every <c>pkg:pypi/</c> identifier of <paramref name="products"/> (identifiers win).</summary>
    public static EolProductMap From(IEnumerable<EolProduct> products)
    {
        var map = new Dictionary<string, string>(_table, StringComparer.Ordinal);
        foreach (var product in products)
        {
            foreach (var identifier in product.Identifiers.Where(i => i.Type == "purl" && i.Id.StartsWith("pkg:pypi/", StringComparison.OrdinalIgnoreCase)))
            {
                var name = identifier.Id["pkg:pypi/".Length..].Split('@', '?', '#')[0];
                map[PackageName.Normalize(Uri.UnescapeDataString(name))] = product.Name;
            }
        }

        return new EolProductMap(map);
    }

    /// <summary>The product for PyPI project <paramref name="name"/>, or null.</summary>
    public string? ProductFor(string name) => _map.TryGetValue(PackageName.Normalize(name), out var product) ? product : null;

    /// <summary>The product for a host OS <c>ID</c> from <c>/etc/os-release</c> (<c>debian</c>, <c>ubuntu</c>, <c>rhel</c>, …).</summary>
    public static string? ProductForOs(string osId) => osId.ToLowerInvariant() switch
    {
        "debian" => "debian",
        "ubuntu" => "ubuntu",
        "rhel" => "rhel",
        "centos" => "centos",
        "rocky" => "rocky-linux",
        "almalinux" => "almalinux",
        "alpine" => "alpine-linux",
        "fedora" => "fedora",
        "opensuse-leap" => "opensuse",
        "sles" => "sles",
        "amzn" => "amazon-linux",
        _ => null,
    };

    /// <summary>The interpreter product: CPython only (endoflife.date has no PyPy product).</summary>
    public static string? ProductForPython(string implementation) => implementation.ToLowerInvariant() is "cpython" or "" ? "python" : null;
}
