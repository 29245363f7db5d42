using System.Text;
using System.Text.Json;
using Pyfleet.Core.Reporting.Sarif;

namespace Pyfleet.Core.Tests.Reporting.Sarif;

public sealed class SarifAuditWriterTests
{
    private static JsonDocument Write(string? sourceRoot = "/srv/shop")
    {
        using var stream = new MemoryStream();
        SarifAuditWriter.Write(ReportSamples.Audit(sourceRoot: sourceRoot), stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Empty(JsonSchemas.Sarif210(text));
        return JsonDocument.Parse(text);
    }

    private static JsonElement Run(JsonDocument document) => document.RootElement.GetProperty("runs")[0];

    [Fact]
    public void Write_Audit_ValidAgainstOfficialSchemaWithAndWithoutSourceRoot()
    {
        using var relative = Write();
        using var absolute = Write(null);

        Assert.Equal("2.1.0", relative.RootElement.GetProperty("version").GetString());
        Assert.False(Run(absolute).TryGetProperty("originalUriBaseIds", out _));
    }

    [Fact]
    public void Validate_BrokenLog_SchemaRejectsIt()
    {
        Assert.NotEmpty(JsonSchemas.Sarif210("""{"version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[{"level":"fatal","message":{}}]}]}"""));
    }

    [Fact]
    public void Write_Audit_OneRulePerAdvisoryWithSecuritySeverity()
    {
        using var log = Write();
        var rules = Run(log).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        Assert.Equal(["PYSEC-2024-70", "GHSA-34jh-p97f-mpxf", "PYSEC-2099-1"], rules.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("9.8", rules[0].GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.Equal("error", rules[0].GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.False(rules[2].GetProperty("properties").TryGetProperty("security-severity", out _)); // unknown severity: no number made up
    }

    [Fact]
    public void Write_DeclaredPackage_LocatedAtItsManifestLine()
    {
        using var log = Write();
        var results = Run(log).GetProperty("results").EnumerateArray().ToList();
        var pinned = results.Single(r => r.GetProperty("ruleId").GetString() == "PYSEC-2024-70" && r.GetProperty("message").GetProperty("text").GetString()!.Contains("requirements.txt", StringComparison.Ordinal));

        var location = pinned.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("requirements.txt", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(3, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("Django 4.2.3 in /srv/shop/requirements.txt is affected by PYSEC-2024-70 (CVE-2024-42005, GHSA-pv4p-cwwg-4rph); upgrade to 4.2.15.".Replace("Django", "django", StringComparison.Ordinal), pinned.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void Write_InstalledPackage_LocatedAtItsMetadataFile()
    {
        using var log = Write();
        var installed = Run(log).GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == "PYSEC-2024-70" && r.GetProperty("message").GetProperty("text").GetString()!.Contains(".venv", StringComparison.Ordinal));

        Assert.Equal(".venv/lib/python3.11/site-packages/Django-4.2.3.dist-info/METADATA",
            installed.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public void Write_SuppressedFinding_ResultWithAcceptedSuppression()
    {
        using var log = Write();
        var suppressed = Run(log).GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "GHSA-34jh-p97f-mpxf");

        var suppression = suppressed.GetProperty("suppressions")[0];
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("not reachable: no proxy use (until 2026-12-31)", suppression.GetProperty("justification").GetString());
    }
}
