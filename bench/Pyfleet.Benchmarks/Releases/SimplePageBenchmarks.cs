using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Pyfleet.Core.Releases;
using Pyfleet.Core.Releases.Analysis;
using Pyfleet.Core.Releases.Simple;

namespace Pyfleet.Benchmarks.Releases;

/// <summary>
/// Parsing a Django project page (the 389 recorded releases) as PEP 691 JSON and as PEP 503 HTML, and analysing
/// an upgrade against it. Run: dotnet run -c Release --project bench/Pyfleet.Benchmarks -- --filter '*SimplePage*' --job short
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class SimplePageBenchmarks
{
    private static readonly Uri _page = new("https://pypi.org/simple/django/");
    private byte[] _json = [];
    private string _html = "";
    private ProjectReleases _project = null!;
    private readonly UpgradeAnalyzer _analyzer = new(NoSecurityFixSource.Instance);

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "../../../../../../../../shared/data/releases/django.json");
        if (!File.Exists(path))
        {
            path = "/work/shared/data/releases/django.json";
        }

        using var recorded = JsonDocument.Parse(File.ReadAllText(path));
        var versions = recorded.RootElement.GetProperty("versions").EnumerateObject().Select(v => v.Name).ToList();
        var files = versions.Select(v => new Dictionary<string, object?>
        {
            ["filename"] = $"django-{v}-py3-none-any.whl",
            ["url"] = $"https://files.example/django-{v}-py3-none-any.whl",
            ["hashes"] = new Dictionary<string, string> { ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(v))) },
            ["requires-python"] = ">=3.8",
            ["yanked"] = false,
        }).ToList();
        _json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?> { ["meta"] = new Dictionary<string, string> { ["api-version"] = "1.1" }, ["name"] = "django", ["files"] = files });
        _html = "<html><body>" + string.Concat(files.Select(f =>
            $"<a href=\"{f["url"]}#sha256={((Dictionary<string, string>)f["hashes"]!)["sha256"]}\" data-requires-python=\"{WebUtility.HtmlEncode(">=3.8")}\">{f["filename"]}</a><br/>\n")) + "</body></html>";
        _project = SimpleJsonParser.Parse(_json, "django", _page);
    }

    [Benchmark]
    public int ParsePep691Json() => SimpleJsonParser.Parse(_json, "django", _page).Files.Count;

    [Benchmark]
    public int ParsePep503Html() => SimpleHtmlParser.Parse(_html, "django", _page).Files.Count;

    [Benchmark]
    public string? AnalyzeUpgrade() => _analyzer.Analyze(_project, "3.2.12", "3.8.10", DateTimeOffset.UnixEpoch).Latest;
}
