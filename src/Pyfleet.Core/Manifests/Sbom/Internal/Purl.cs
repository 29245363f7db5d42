namespace Pyfleet.Core.Manifests.Sbom.Internal;

/// <summary>
/// A parsed package URL (https://github.com/package-url/purl-spec: <c>pkg:type/namespace/name@version?qualifiers#subpath</c>),
/// components percent-decoded, type lower-cased, qualifier keys lower-cased.
/// </summary>
internal sealed record Purl(string Type, string? Namespace, string Name, string? Version, IReadOnlyDictionary<string, string> Qualifiers)
{
    public static Purl? TryParse(string? text)
    {
        if (text is null || !text.StartsWith("pkg:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = text[4..].TrimStart('/');
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            rest = rest[..hash];
        }

        var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            foreach (var pair in rest[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                if (equals > 0)
                {
                    qualifiers[pair[..equals].ToLowerInvariant()] = Uri.UnescapeDataString(pair[(equals + 1)..]);
                }
            }

            rest = rest[..question];
        }

        var slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return null;
        }

        var type = rest[..slash].ToLowerInvariant();
        var path = rest[(slash + 1)..];
        string? version = null;
        var at = path.LastIndexOf('@');
        if (at >= 0 && at > path.LastIndexOf('/'))
        {
            version = Uri.UnescapeDataString(path[(at + 1)..]);
            path = path[..at];
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (segments.Length == 0)
        {
            return null;
        }

        var ns = segments.Length > 1 ? string.Join('/', segments[..^1]) : null;
        return new Purl(type, ns, segments[^1], string.IsNullOrEmpty(version) ? null : version, qualifiers);
    }
}
