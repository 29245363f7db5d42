using System.Text;
using System.Text.Json;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Reporting.CycloneDx;

namespace Pyfleet.Core.Tests.Reporting.CycloneDx;

public sealed class CycloneDxOutdatedWriterTests
{
    private static string Write()
    {
        using var stream = new MemoryStream();
        var host = new HostInfo { Name = "web-1", Os = new OperatingSystemInfo("debian", "12", "bookworm", null) };
        CycloneDxOutdatedWriter.Write(OutdatedSamples.Result(), stream, ReportSamples.Now, "0.1.0", host, Guid.Empty);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Write_Outdated_ValidAgainstOfficialSchema()
    {
        Assert.Empty(JsonSchemas.CycloneDx16(Write()));
    }

    [Fact]
    public void Write_Outdated_InventoryWithUpgradePropertiesAndSecurityAdvisory()
    {
        using var bom = JsonDocument.Parse(Write());
        var root = bom.RootElement;
        var requirements = root.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "/srv/shop/requirements.txt");
        var django = requirements.GetProperty("components")[0];
        var properties = django.GetProperty("properties").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("value").GetString());

        Assert.Equal("pkg:pypi/django@3.2.18", django.GetProperty("purl").GetString());
        Assert.Equal("security", properties["pyfleet:upgradeKind"]);
        Assert.Equal("django 3.2: end-of-life (EOL 2024-04-01)", properties["pyfleet:eol"]);
        var vulnerability = Assert.Single(root.GetProperty("vulnerabilities").EnumerateArray());
        Assert.Equal("Upgrade django to 3.2.19", vulnerability.GetProperty("recommendation").GetString());
        Assert.Equal(django.GetProperty("bom-ref").GetString(), vulnerability.GetProperty("affects")[0].GetProperty("ref").GetString());
        Assert.Contains(root.GetProperty("components").EnumerateArray().SelectMany(c => c.TryGetProperty("components", out var n) ? n.EnumerateArray() : []),
            c => c.GetProperty("purl").GetString() == "pkg:deb/debian/python3-idna@3.3-1%2Bdeb12u1?distro=debian-12&upstream=python-idna");
    }
}
