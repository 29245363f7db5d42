using System.Text;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Reporting.CycloneDx;

/// <summary>
/// Package URLs (https://github.com/package-url/purl-spec, FORMATS.md §10.2) for what an inventory holds:
/// <c>pkg:pypi/name@version</c> (name lower-cased, <c>_</c> → <c>-</c>, dots kept), dpkg-owned modules as
/// <c>pkg:deb/debian/name@version?arch=…&amp;distro=debian-12&amp;upstream=source</c>, conda packages as
/// <c>pkg:conda/name@version?channel=…</c>.
/// </summary>
public static class PackageUrl
{
    /// <summary>The purl of a Python distribution (no version when it is not pinned).</summary>
    public static string PyPI(string name, string? version) =>
        "pkg:pypi/" + Encode(name.ToLowerInvariant().Replace('_', '-')) + (string.IsNullOrEmpty(version) ? "" : "@" + Encode(version));

    /// <summary>The purl of a Debian package on <paramref name="os"/> (namespace from its <c>ID</c>, <c>distro</c> from its release).</summary>
    public static string Deb(OsPackageInfo package, OperatingSystemInfo? os, string? architecture = null)
    {
        var text = new StringBuilder("pkg:deb/").Append(Encode(os?.Id ?? "debian")).Append('/')
            .Append(Encode(package.Name)).Append('@').Append(Encode(package.Version));
        var qualifiers = new List<(string Key, string Value)>();
        if (architecture is not null)
        {
            qualifiers.Add(("arch", architecture));
        }

        if (Distro(os) is { } distro)
        {
            qualifiers.Add(("distro", distro));
        }

        if (package.Source is { } source && source != package.Name)
        {
            qualifiers.Add(("upstream", package.SourceVersion is { } v && v != package.Version ? $"{source}@{v}" : source));
        }

        return Qualified(text, qualifiers);
    }

    /// <summary>The purl of a conda package.</summary>
    public static string Conda(string name, string? version, string? channel)
    {
        var text = new StringBuilder("pkg:conda/").Append(Encode(name.ToLowerInvariant()));
        if (!string.IsNullOrEmpty(version))
        {
            text.Append('@').Append(Encode(version));
        }

        return Qualified(text, channel is null ? [] : [("channel", channel)]);
    }

    /// <summary>The purl <c>distro</c> qualifier of a host (<c>debian-12</c>, as syft writes it), else its codename.</summary>
    public static string? Distro(OperatingSystemInfo? os) =>
        os is null ? null : os.VersionId is { Length: > 0 } version ? $"{os.Id}-{version}" : os.Codename;

    /// <summary>The purl of an inventory package on a host.</summary>
    public static string For(InventoryPackage package, HostInfo? host) =>
        package.OsPackage is { Manager: "dpkg" } os ? Deb(os, host?.Os)
        : package.Ecosystem == "conda" ? Conda(package.Name, package.Version, package.Channel)
        : PyPI(package.DisplayName ?? package.Name, package.Version);

    // Qualifier keys sorted, values percent-encoded (purl-spec "How to build purl string from its components").
    private static string Qualified(StringBuilder text, List<(string Key, string Value)> qualifiers)
    {
        qualifiers.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 0; i < qualifiers.Count; i++)
        {
            text.Append(i == 0 ? '?' : '&').Append(qualifiers[i].Key).Append('=').Append(Encode(qualifiers[i].Value));
        }

        return text.ToString();
    }

    /// <summary>Percent-encodes everything but ASCII letters, digits and <c>.-_~:</c> (so <c>+</c> → <c>%2B</c>, <c>!</c> → <c>%21</c>).</summary>
    public static string Encode(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or ':')
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
