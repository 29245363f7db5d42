using System.Diagnostics;
using System.Text.Json;
using Pyfleet.Core.Policy;
using Pyfleet.Core.Reporting.Sarif;

namespace Pyfleet.Core.Tests.Reporting.Sarif;

/// <summary>
/// SARIF output validated against the official SARIF 2.1.0 schema (oasis-tcs/sarif-spec
/// <c>Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json</c>, stored as a fixture) with the machine's
/// Python <c>jsonschema</c> (draft 7, formats checked).
/// </summary>
public sealed class SarifLintWriterTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Reporting", "Sarif");

    private static (LintReport Report, string Root) Report()
    {
        var root = Directory.CreateTempSubdirectory("pyfleet sarif ").FullName;
        var requirements = Path.Combine(root, "requirements prod.txt");
        File.WriteAllText(requirements, "six = 1.16\ndjango>=4.2\n-e git+https://g.example/x.git#egg=x\nidna==3.10 --hash=sha256:abc\n");
        return (ManifestLinter.Lint([requirements], new LintOptions()), root);
    }

    private static string Write(LintReport report, string root)
    {
        var path = Path.Combine(root, "lint.sarif");
        using (var stream = File.Create(path))
        {
            SarifLintWriter.Write(report, stream, root, "0.1.0");
        }

        return path;
    }

    private static (int Exit, string Output) Validate(string document)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Folder, "validate_json.py"));
        start.ArgumentList.Add(Path.Combine(Folder, "sarif-schema-2.1.0.json"));
        start.ArgumentList.Add(document);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    [Fact]
    public void Write_LintFindings_ValidAgainstOfficialSchema()
    {
        var (report, root) = Report();
        Assert.True(report.Findings.Count >= 4);

        var (exit, output) = Validate(Write(report, root));

        Assert.True(exit == 0, output);
    }

    [Fact]
    public void Write_Findings_RelativeUrisLevelsAndLines()
    {
        var (report, root) = Report();
        using var document = JsonDocument.Parse(File.ReadAllText(Write(report, root)));
        var run = document.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToList();

        Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
        Assert.Equal(LintRules.All.Count, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        Assert.Equal(report.Findings.Count, results.Count);
        var first = results[0];
        Assert.Equal(("PF000", "error"), (first.GetProperty("ruleId").GetString(), first.GetProperty("level").GetString()));
        var location = first.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("requirements%20prod.txt", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(1, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Validate_BrokenDocument_SchemaRejectsIt()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("pyfleet-sarif-").FullName, "bad.sarif");
        File.WriteAllText(path, """{"version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[{"level":"fatal","message":{}}]}]}""");

        var (exit, output) = Validate(path);

        Assert.Equal(1, exit);
        Assert.Contains("'name' is a required property", output, StringComparison.Ordinal);
        Assert.Contains("'fatal' is not one of", output, StringComparison.Ordinal);
    }
}
