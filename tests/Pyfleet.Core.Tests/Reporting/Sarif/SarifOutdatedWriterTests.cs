using System.Text;
using System.Text.Json;
using Pyfleet.Core.Reporting.Sarif;

namespace Pyfleet.Core.Tests.Reporting.Sarif;

public sealed class SarifOutdatedWriterTests
{
    private static List<JsonElement> Results(out JsonDocument log)
    {
        using var stream = new MemoryStream();
        SarifOutdatedWriter.Write(OutdatedSamples.Result(), stream, "/srv/shop", "0.1.0");
        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Empty(JsonSchemas.Sarif210(text));
        log = JsonDocument.Parse(text);
        return log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
    }

    [Fact]
    public void Write_Outdated_ValidAndOneResultPerConcern()
    {
        var results = Results(out var log);
        using (log)
        {
            Assert.Equal(["PYFLEET-PYTHON-EOL", "PYSEC-2023-100", "PYFLEET-EOL", "PYFLEET-OUTDATED", "PYFLEET-YANKED", "PYFLEET-OUTDATED"], results.Select(r => r.GetProperty("ruleId").GetString()));
        }
    }

    [Fact]
    public void Write_SecurityUpgrade_AtTheManifestLineWithTheFix()
    {
        var results = Results(out var log);
        using (log)
        {
            var security = results.Single(r => r.GetProperty("ruleId").GetString() == "PYSEC-2023-100");
            var location = security.GetProperty("locations")[0].GetProperty("physicalLocation");

            Assert.Equal(4, location.GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.Equal("requirements.txt", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Contains("upgrade to 3.2.19", security.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        }
    }
}
