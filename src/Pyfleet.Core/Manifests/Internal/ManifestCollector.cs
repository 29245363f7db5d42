using Pyfleet.Core.Http;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests.Requirements.Internal;
using Pyfleet.Packaging.Names;
using Pyfleet.Packaging.Requirements;

namespace Pyfleet.Core.Manifests.Internal;

/// <summary>Collects the packages and diagnostics of one manifest file while a reader walks it.</summary>
internal sealed class ManifestCollector(string path, string kind)
{
    public string Path { get; } = path;

    public List<InventoryPackage> Packages { get; } = [];

    public List<InventoryPackage> Constraints { get; } = [];

    public List<ManifestDiagnostic> Diagnostics { get; } = [];

    public PythonRuntime? Python { get; set; }

    public void Warn(int? line, string message) => Diagnostics.Add(new ManifestDiagnostic(Path, line, ManifestSeverity.Warning, message));

    public void Error(int? line, string message) => Diagnostics.Add(new ManifestDiagnostic(Path, line, ManifestSeverity.Error, message));

    public string Origin(int line) => $"{Path}:{line}";

    /// <summary>A PEP 508 string (pyproject, setup.cfg, Requires-Dist) as a declared package; null with an error when invalid.</summary>
    public InventoryPackage? FromPep508(string text, int line)
    {
        if (!Requirement.TryParse(text, out var requirement, out var error))
        {
            Error(line, $"invalid PEP 508 requirement '{UrlRedactor.Redact(text)}': {error}");
            return null;
        }

        var specifier = requirement.Specifier.Specifiers.Count == 0 ? null : requirement.Specifier.ToString();
        return new InventoryPackage
        {
            Name = requirement.NormalizedName,
            DisplayName = requirement.Name,
            Version = RequirementLineInterpreter.Pinned(requirement.Specifier),
            Specifier = specifier,
            Extras = requirement.Extras,
            Marker = requirement.Marker?.ToString(),
            Url = requirement.Url is { } url ? UrlRedactor.Redact(url) : null,
            Origin = Origin(line),
        };
    }

    /// <summary>A locked package: exact version (when known), its artifact hashes, and where it comes from.</summary>
    public InventoryPackage Locked(string name, string? version, int line, IEnumerable<string>? hashes = null, string? marker = null, string? url = null, bool editable = false, IReadOnlyList<string>? extras = null) => new()
    {
        Name = PackageName.Normalize(name),
        DisplayName = name,
        Version = version,
        Specifier = version is null ? null : $"=={version}",
        Extras = extras ?? [],
        Marker = marker,
        Url = url is null ? null : UrlRedactor.Redact(url),
        Editable = editable,
        Hashes = hashes is null ? [] : [.. hashes.Distinct(StringComparer.Ordinal)],
        Origin = Origin(line),
    };

    public ManifestReadResult Result() => new(
        new PythonEnvironment
        {
            Path = Path,
            Kind = kind,
            Python = Python,
            Packages = Packages,
            Constraints = Constraints,
        },
        Diagnostics);
}
