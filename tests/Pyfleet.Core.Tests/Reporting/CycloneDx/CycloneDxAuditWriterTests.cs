using System.Text;
using System.Text.Json;
using Pyfleet.Core.Auditing;
using Pyfleet.Core.Reporting;
using Pyfleet.Core.Reporting.CycloneDx;

namespace Pyfleet.Core.Tests.Reporting.CycloneDx;

public sealed class CycloneDxAuditWriterTests
{
    internal static string Write(AuditDocument document)
    {
        using var stream = new MemoryStream();
        CycloneDxAuditWriter.Write(document, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static JsonElement Vulnerability(JsonElement root, string id, string state) =>
        root.GetProperty("vulnerabilities").EnumerateArray().Single(v => v.GetProperty("id").GetString() == id && v.GetProperty("analysis").GetProperty("state").GetString() == state);

    private static List<JsonElement> AllComponents(JsonElement root) =>
        root.GetProperty("components").EnumerateArray()
            .SelectMany(c => c.TryGetProperty("components", out var nested) ? nested.EnumerateArray().Prepend(c) : [c]).ToList();

    [Fact]
    public void Write_Audit_ValidAgainstOfficialSchema()
    {
        var json = Write(ReportSamples.Audit());

        Assert.Empty(JsonSchemas.CycloneDx16(json));
    }

    [Theory]
    [InlineData("""{"bomFormat":"CycloneDX","specVersion":"1.6","serialNumber":"nope"}""")]
    [InlineData("""{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"gadget","name":"x"}]}""")]
    [InlineData("""{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"x","licenses":[{"license":{"id":"NOT-A-LICENSE"}}]}]}""")]
    [InlineData("""{"bomFormat":"CycloneDX","specVersion":"1.6","metadata":{"timestamp":"yesterday"}}""")]
    [InlineData("""{"bomFormat":"CycloneDX","specVersion":"1.6","vulnerabilities":[{"ratings":[{"method":"CVSSv5"}]}]}""")]
    public void Validate_BrokenBom_SchemaRejectsIt(string json)
    {
        var errors = JsonSchemas.CycloneDx16(json);

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Validate_ValidLicenseThroughSpdxReference_Accepted()
    {
        var errors = JsonSchemas.CycloneDx16("""{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"x","licenses":[{"license":{"id":"MIT"}}]}]}""");

        Assert.Empty(errors);
    }

    [Fact]
    public void Write_Audit_HeaderAndMetadataFromTheDocument()
    {
        using var bom = JsonDocument.Parse(Write(ReportSamples.Audit()));
        var root = bom.RootElement;

        Assert.Equal("CycloneDX", root.GetProperty("bomFormat").GetString());
        Assert.Equal("1.6", root.GetProperty("specVersion").GetString());
        Assert.Equal("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", root.GetProperty("serialNumber").GetString());
        var metadata = root.GetProperty("metadata");
        Assert.Equal("2026-08-22T10:00:00Z", metadata.GetProperty("timestamp").GetString());
        Assert.Equal("pyfleet", metadata.GetProperty("tools").GetProperty("components")[0].GetProperty("name").GetString());
        Assert.Equal("web-1", metadata.GetProperty("component").GetProperty("name").GetString());
    }

    [Fact]
    public void Write_Audit_EveryPackageAComponentWithPurl()
    {
        using var bom = JsonDocument.Parse(Write(ReportSamples.Audit()));
        var purls = AllComponents(bom.RootElement).Where(c => c.TryGetProperty("purl", out _)).Select(c => c.GetProperty("purl").GetString()).ToList();

        Assert.Contains("pkg:pypi/django@4.2.3", purls);
        Assert.Contains("pkg:pypi/six@1.16.0", purls);
        Assert.Contains("pkg:pypi/zope.interface@5.0%2Blocal.1", purls);
        Assert.Contains("pkg:deb/debian/python3-idna@3.3-1%2Bdeb12u1?distro=debian-12&upstream=python-idna", purls);
        Assert.Contains("pkg:pypi/flask", purls); // unpinned: no version, still listed
        var refs = AllComponents(bom.RootElement).Select(c => c.GetProperty("bom-ref").GetString()).ToList();
        Assert.Equal(refs.Count, refs.Distinct().Count());
    }

    [Fact]
    public void Write_Audit_EnvironmentsNestTheirPackagesAndDependenciesSayIt()
    {
        using var bom = JsonDocument.Parse(Write(ReportSamples.Audit()));
        var root = bom.RootElement;
        var venv = root.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "/srv/shop/.venv");
        Assert.Equal(5, venv.GetProperty("components").GetArrayLength());
        var dependency = root.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("ref").GetString() == venv.GetProperty("bom-ref").GetString());
        Assert.Equal(5, dependency.GetProperty("dependsOn").GetArrayLength());
        Assert.Contains(root.GetProperty("components").EnumerateArray(), c => c.GetProperty("type").GetString() == "operating-system");
    }

    [Fact]
    public void Write_OpenFinding_RatingCweRecommendationAndAffectsRealRefs()
    {
        using var bom = JsonDocument.Parse(Write(ReportSamples.Audit()));
        var root = bom.RootElement;
        var django = Vulnerability(root, "PYSEC-2024-70", "in_triage");

        var rating = django.GetProperty("ratings")[0];
        Assert.Equal(("CVSSv31", 9.8, "critical"), (rating.GetProperty("method").GetString(), rating.GetProperty("score").GetDouble(), rating.GetProperty("severity").GetString()));
        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", rating.GetProperty("vector").GetString());
        Assert.Equal([89], django.GetProperty("cwes").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(["CVE-2024-42005", "GHSA-pv4p-cwwg-4rph"], django.GetProperty("references").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("https://nvd.nist.gov/vuln/detail/CVE-2024-42005", django.GetProperty("references")[0].GetProperty("source").GetProperty("url").GetString());
        Assert.Equal("Upgrade django to 4.2.15", django.GetProperty("recommendation").GetString());
        var refs = AllComponents(root).Select(c => c.GetProperty("bom-ref").GetString()).ToHashSet();
        var affects = django.GetProperty("affects").EnumerateArray().Select(a => a.GetProperty("ref").GetString()).ToList();
        Assert.Equal(2, affects.Count); // the venv's copy and the requirements pin
        Assert.All(affects, a => Assert.Contains(a, refs));
    }

    [Fact]
    public void Write_SuppressedFinding_VexNotAffectedWithJustificationAndReason()
    {
        using var bom = JsonDocument.Parse(Write(ReportSamples.Audit()));
        var urllib3 = Vulnerability(bom.RootElement, "GHSA-34jh-p97f-mpxf", "not_affected");

        var analysis = urllib3.GetProperty("analysis");
        Assert.Equal("code_not_reachable", analysis.GetProperty("justification").GetString());
        Assert.Equal("not reachable: no proxy use (suppressed until 2026-12-31)", analysis.GetProperty("detail").GetString());
        Assert.Equal("CVSSv4", urllib3.GetProperty("ratings")[0].GetProperty("method").GetString());
    }

    [Fact]
    public void Write_FindingWithoutFix_SaysNoFixIsKnown()
    {
        using var bom = JsonDocument.Parse(Write(ReportSamples.Audit()));

        var evil = Vulnerability(bom.RootElement, "PYSEC-2099-1", "in_triage");

        Assert.Equal("No fixed version is known", evil.GetProperty("recommendation").GetString());
        Assert.Equal("unknown", evil.GetProperty("ratings")[0].GetProperty("severity").GetString());
    }

    [Theory]
    [InlineData("not reachable from our code", "not_affected", "code_not_reachable")]
    [InlineData("requires_configuration: debug only", "not_affected", "requires_configuration")]
    [InlineData("false positive: vendored copy patched", "false_positive", null)]
    [InlineData("accepted risk until the migration", "exploitable", null)]
    [InlineData("still investigating", "in_triage", null)]
    public void Write_SuppressionReason_MapsToAnalysis(string reason, string state, string? justification)
    {
        var document = ReportSamples.Audit([new Suppression("PYSEC-2024-70", reason, Package: "django")]);
        using var bom = JsonDocument.Parse(Write(document));

        var analysis = Vulnerability(bom.RootElement, "PYSEC-2024-70", state).GetProperty("analysis");

        Assert.Equal(justification, analysis.TryGetProperty("justification", out var j) ? j.GetString() : null);
        Assert.Empty(JsonSchemas.CycloneDx16(bom.RootElement.GetRawText()));
    }
}
