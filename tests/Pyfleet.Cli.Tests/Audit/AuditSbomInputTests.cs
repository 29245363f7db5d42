using System.Text.Json;
using Pyfleet.Cli.Tests.Support;

namespace Pyfleet.Cli.Tests.Audit;

/// <summary><c>pyfleet audit bom.json</c>: an SBOM made by another tool (here in syft's CycloneDX shape) is an inventory.</summary>
public sealed class AuditSbomInputTests : IDisposable
{
    private static readonly string SmallZip = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Advisories", "small-pypi.zip");
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    internal static string WriteSbom(string directory, string name = "image-sbom.json")
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, """
            {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
             "metadata": {"tools": {"components": [{"type": "application", "author": "anchore", "name": "syft", "version": "1.31.0"}]},
                          "component": {"bom-ref": "7d9a1e0c3f2b5a61", "type": "container", "name": "registry.example/shop"}},
             "components": [
               {"bom-ref": "a1", "type": "library", "name": "urllib3", "version": "1.26.12", "purl": "pkg:pypi/urllib3@1.26.12",
                "properties": [{"name": "syft:location:0:path", "value": "/usr/lib/python3/site-packages/urllib3-1.26.12.dist-info/METADATA"}]},
               {"bom-ref": "a2", "type": "library", "name": "Django", "version": "3.2.12", "purl": "pkg:pypi/django@3.2.12"},
               {"bom-ref": "a3", "type": "library", "name": "left-pad", "version": "1.3.0", "purl": "pkg:npm/left-pad@1.3.0"}]}
            """);
        return path;
    }

    [Fact]
    public async Task Audit_CycloneDxSbomFromAnotherTool_FindingsForItsPythonPackagesAndSkippedCounted()
    {
        Assert.Equal(0, (await _cli.RunAsync("sync", "--source", SmallZip)).ExitCode);
        var sbom = WriteSbom(_cli.Home);

        var result = await _cli.RunAsync("audit", sbom, "--offline", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        // JSON mode carries warnings in the document (the inventory's "warnings"), table mode on stderr.
        Assert.Contains("1 CycloneDX component(s) of other ecosystems not checked: npm 1", result.Stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Stdout);
        var environment = json.RootElement.GetProperty("inventories")[0].GetProperty("environments")[0];
        Assert.Equal("registry.example/shop", environment.GetProperty("path").GetString());
        Assert.Equal("sbom", environment.GetProperty("kind").GetString());
        Assert.Equal(2, environment.GetProperty("packagesChecked").GetInt32());
        var urllib3 = environment.GetProperty("packages").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "urllib3");
        Assert.Contains(urllib3.GetProperty("vulnerabilities").EnumerateArray(), v => v.GetProperty("id").GetString() == "PYSEC-2023-192");
    }
}
