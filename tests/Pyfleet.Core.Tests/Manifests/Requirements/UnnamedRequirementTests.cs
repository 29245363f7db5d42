using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests;

namespace Pyfleet.Core.Tests.Manifests.Requirements;

/// <summary>Issue 11 §2: unnamed URL/path requirements are entries with name null and their url, as pip lists them.</summary>
public sealed class UnnamedRequirementTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pyfleet-unnamed-").FullName;

    [Fact]
    public void Read_UrlAndPathRequirements_ListedWithNullNameAndUrl()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "pkg"));
        File.WriteAllText(Path.Combine(_dir, "pkg", "setup.py"), "");
        var path = Path.Combine(_dir, "requirements.txt");
        File.WriteAllText(path, "https://example.org/flux_led-0.9.zip\n-e ./pkg\nhttps://example.org/named.zip#egg=named\nsix==1.16.0\n");

        var environment = ManifestReaders.Read(path).Environment;

        Assert.Equal(
            [(InventoryPackage.Unnamed, "https://example.org/flux_led-0.9.zip"), (InventoryPackage.Unnamed, new Uri(Path.Combine(_dir, "pkg")).AbsoluteUri), ("named", "https://example.org/named.zip#egg=named"), ("six", null)],
            environment.Packages.Select(p => (p.Name, p.Url)));
        Assert.Empty(environment.Errors);
    }

    [Fact]
    public void InventoryJson_UnnamedPackage_NullNameRoundTrips()
    {
        var document = new InventoryDocument
        {
            Host = new HostInfo { Name = "h" },
            ScannedAt = DateTimeOffset.UnixEpoch,
            Environments = [new PythonEnvironment { Path = "/r.txt", Kind = EnvironmentKinds.Requirements, Packages = [new InventoryPackage { Name = InventoryPackage.Unnamed, Url = "https://example.org/x.zip" }] }],
        };

        var json = InventoryJson.Serialize(document);
        var back = InventoryJson.Deserialize(json);

        Assert.Contains("\"name\": null", json, StringComparison.Ordinal);
        Assert.Equal(InventoryPackage.Unnamed, back.Environments[0].Packages[0].Name);
        Assert.Equal("https://example.org/x.zip", back.Environments[0].Packages[0].Url);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
