using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests;
using Pyfleet.Core.Manifests.Pyproject;
using Pyfleet.Core.Manifests.Requirements;
using Pyfleet.Core.Toml;

namespace Pyfleet.Core.Policy;

/// <summary>One file given to <c>pyfleet lint</c>, read into the shape the rules need.</summary>
internal sealed class LintInput
{
    public required string Path { get; init; }
    public required string Kind { get; init; }
    public required FileRole Role { get; init; }

    /// <summary>A distributable library (pyproject with a build system, setup.cfg): ranges expected, not pins.</summary>
    public bool IsLibrary { get; init; }

    /// <summary>pip's hash-checking mode is on for this file set (a --hash somewhere, or --require-hashes).</summary>
    public bool HashMode { get; init; }

    public required IReadOnlyList<LintEntry> Entries { get; init; }
    public IReadOnlyList<RequirementsOptionUse> Options { get; init; } = [];
    public required IReadOnlyList<ManifestDiagnostic> Diagnostics { get; init; }

    public static LintInput Read(string path, LintOptions options, CancellationToken cancellationToken)
    {
        var full = System.IO.Path.GetFullPath(path);
        var readOptions = new ManifestReadOptions { GetEnvironment = options.GetEnvironment };
        var reader = ManifestReaders.Find(full) ?? ManifestSniffer.ReaderFor(ManifestSniffer.Sniff(full), ManifestReaders.All);
        if (reader is null or RequirementsFileReader)
        {
            // Anything else given explicitly is read as a pip requirements file, like pip install -r would.
            var document = RequirementsParser.Parse(full, readOptions, cancellationToken);
            var entries = document.Entries.Where(e => e.NormalizedName is not null).Select(FromRequirement).ToList();
            return new LintInput
            {
                Path = full,
                Kind = EnvironmentKinds.Requirements,
                Role = FileRoles.Of(full),
                HashMode = document.Options.Any(o => o.Name == "--require-hashes") || entries.Any(e => !e.IsConstraint && e.Hashes.Count > 0),
                Entries = [.. entries, .. document.Entries.Where(e => e.NormalizedName is null).Select(FromUnnamed)],
                Options = document.Options,
                Diagnostics = document.Diagnostics,
            };
        }

        var result = reader.Read(full, readOptions, cancellationToken);
        var isLibrary = reader is Manifests.SetupCfg.SetupCfgReader
            || (reader is PyprojectReader && PyprojectReader.IsLibrary(TomlParser.ParseFile(full)));
        return new LintInput
        {
            Path = full,
            Kind = reader.Kind,
            Role = FileRoles.Of(full),
            IsLibrary = isLibrary,
            Entries = [.. result.Environment.Packages.Select(p => FromPackage(p, false)), .. result.Environment.Constraints.Select(p => FromPackage(p, true))],
            Diagnostics = result.Diagnostics,
        };
    }

    private static LintEntry FromRequirement(RequirementsEntry e) => new(
        e.NormalizedName!, e.PinnedVersion, e.Specifier, e.Marker, e.Extras, e.Hashes,
        e.SourceKind != RequirementSourceKind.Index, e.IsEditable, e.IsConstraint, e.Path, e.Line);

    private static LintEntry FromUnnamed(RequirementsEntry e) => new(
        e.Text, null, null, e.Marker, e.Extras, e.Hashes, true, e.IsEditable, e.IsConstraint, e.Path, e.Line);

    private static LintEntry FromPackage(InventoryPackage p, bool constraint)
    {
        var (path, line) = SplitOrigin(p.Origin);
        return new LintEntry(p.Name, p.Version, p.Specifier, p.Marker, p.Extras, p.Hashes, p.Url is not null, p.Editable, constraint, path, line);
    }

    private static (string Path, int? Line) SplitOrigin(string? origin)
    {
        var colon = origin?.LastIndexOf(':') ?? -1;
        return colon > 0 && int.TryParse(origin![(colon + 1)..], out var line) ? (origin[..colon], line) : (origin ?? "", null);
    }
}
