using System.Text;
using Pyfleet.Core.Advisories;
using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests;
using Pyfleet.Core.Scanning.Internal;
using Pyfleet.Core.Toml;
using Pyfleet.Packaging.Markers;
using Pyfleet.Packaging.Requirements;
using Pyfleet.Packaging.Specifiers;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Fuzz;

/// <summary>
/// Every reader of untrusted input, as a fuzz target (issue 17). The property: a result, or a
/// <see cref="PyfleetException"/> (which carries file and line), or the reader's own documented "no" (a false
/// <c>TryParse</c>, a warning); never another exception, and within the harness's time bound (30 s per input).
/// </summary>
internal static class Targets
{
    private static readonly string Scratch = Directory.CreateTempSubdirectory("pyfleet-fuzz-").FullName;

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        Manifest("requirements", "requirements.txt", "Manifests/Requirements", "*.txt"),
        Manifest("poetry-lock", "poetry.lock", "Manifests/PoetryLock", "*"),
        Manifest("uv-lock", "uv.lock", "Manifests/UvLock", "*"),
        Manifest("pipfile-lock", "Pipfile.lock", "Manifests/PipfileLock", "*"),
        Manifest("pylock", "pylock.toml", "Manifests/PyLock", "*"),
        Manifest("pdm-lock", "pdm.lock", "Manifests/PdmLock", "*"),
        Manifest("pyproject", "pyproject.toml", "Manifests/Pyproject", "*.toml"),
        Manifest("setup-cfg", "setup.cfg", "Manifests/SetupCfg", "*"),
        Manifest("versions-cfg", "versions.cfg", "Manifests/Buildout", "*.cfg"),
        new("toml", Seeds("Toml", "*.toml"), bytes => Expect<PyfleetException>(() => TomlParser.Parse(Text(bytes), "fuzz.toml"))),
        new("inventory-json", [.. Seeds("Inventory", "*.json"), .. Samples.Inventory], bytes => Expect<PyfleetException>(() => InventoryJson.Deserialize(bytes, "fuzz.json").Environments.Count)),
        new("osv-json", Seeds("Advisories/Osv", "*.json"), bytes => OsvRecordReader.Read(bytes, "fuzz.json", new List<AdvisoryWarning>())),
        new("osv-yaml", [.. Seeds("Advisories", "*.yaml"), .. Samples.Yaml], OsvYaml),
        new("metadata", Samples.Metadata, bytes => MetadataHeaderReader.Parse(bytes)),
        new("direct-url", [.. Seeds("Hostile", "*direct_url*"), .. Samples.DirectUrl], bytes => Expect<System.Text.Json.JsonException>(() => SmallFiles.ParseDirectUrl(bytes))),
        new("pep440", Samples.Versions, bytes => Pep440Version.TryParse(Text(bytes), out _)),
        new("specifier", Samples.Specifiers, bytes => SpecifierSet.TryParse(Text(bytes), out _)),
        new("pep508", Samples.Requirements, bytes => Requirement.TryParse(Text(bytes), out _, out _)),
        new("marker", Samples.Markers, Marker),
    ];

    private static FuzzTarget Manifest(string name, string fileName, string seedFolder, string pattern) =>
        new(name, Seeds(seedFolder, pattern), bytes =>
        {
            var folder = Path.Combine(Scratch, name);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, fileName);
            File.WriteAllBytes(path, bytes);
            Expect<PyfleetException>(() => ManifestReaders.Read(path).Environment.Packages.Count);
        });

    private static void OsvYaml(byte[] bytes)
    {
        var path = Path.Combine(Scratch, "advisory.yaml");
        File.WriteAllBytes(path, bytes);
        PypaYamlLoader.ReadFile(path, new List<AdvisoryWarning>());
    }

    private static void Marker(byte[] bytes)
    {
        if (Packaging.Markers.Marker.TryParse(Text(bytes), out var marker, out _))
        {
            try
            {
                marker.Evaluate(MarkerEnvironment.For("3.11"));
            }
            catch (MarkerEvaluationException)
            {
                // A documented, typed refusal (e.g. comparing a version to a non-version with a version operator).
            }
        }
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static void Expect<TException>(Func<object?> read)
        where TException : Exception
    {
        try
        {
            read();
        }
        catch (TException)
        {
            // The typed, positioned error the reader is allowed to give.
        }
    }

    private static void Expect<TException>(Action read)
        where TException : Exception => Expect<TException>(() => { read(); return null; });

    private static byte[][] Seeds(string folder, string pattern)
    {
        // Fixture folders of the Core tests; ".." reaches the whole test project (inventory fixtures live elsewhere).
        var root = Path.GetFullPath(Path.Combine(Repository.Root, "tests/Pyfleet.Core.Tests/Fixtures", folder));
        return Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories).Where(f => !f.Contains("/bin/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(64).Select(File.ReadAllBytes)]
            : [];
    }
}
