using System.Diagnostics;
using Pyfleet.Core.Advisories.Osv;

namespace Pyfleet.Core.Tests.Advisories.Hostile;

/// <summary>
/// Issue 17: a PyPA advisory-database tree (<c>sync --source DIR</c>) with hostile YAML. Each bad file is a
/// warning with its position; the good advisory beside it is still loaded, so a sync never hangs or crashes.
/// </summary>
public sealed class PypaYamlHostileTests : IDisposable
{
    private const string Good = """
        id: PYSEC-2099-1
        modified: "2024-01-01T00:00:00Z"
        published: "2024-01-01T00:00:00Z"
        affected:
        - package:
            name: demo
            ecosystem: PyPI
          ranges:
          - type: ECOSYSTEM
            events:
            - introduced: "0"
            - fixed: "1.0"
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("pyfleet-yaml-").FullName;

    public PypaYamlHostileTests() => Write("demo/PYSEC-2099-1.yaml", Good);

    public static TheoryData<string, string> Hostile() => new()
    {
        { "billion-laughs", BillionLaughs() },
        { "recursive-alias", "a: &a\n  b: *a\n" },
        { "flow-nesting", "id: X\nx: " + new string('[', 100_000) + new string(']', 100_000) + "\n" },
        { "complex-key", "? [a, b]\n: value\nid: X\n" },
        { "block-nesting", string.Concat(Enumerable.Range(0, 5_000).Select(i => new string(' ', i) + "k:\n")) },
        { "duplicate-key", "id: A\nid: B\n" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Load_HostileYaml_IsAWarningAndTheGoodAdvisoryIsLoaded(string name, string yaml)
    {
        Write($"evil/{name}.yaml", yaml);
        var watch = Stopwatch.StartNew();

        var result = PypaYamlLoader.Load(_root);

        Assert.Equal("PYSEC-2099-1", Assert.Single(result.Records).Id);
        Assert.Contains(result.Warnings, w => w.Source.Contains(name, StringComparison.Ordinal));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("osv-yaml-scanner-state.yaml")]
    [InlineData("osv-yaml-scanner-state-2.yaml")]
    public void Load_FuzzFindingThatBreaksYamlDotNetsScanner_IsAWarning(string fixture)
    {
        // Found by scripts/fuzz.sh osv-yaml: YamlDotNet throws InvalidOperationException from ScanPlainScalar.
        var target = Path.Combine(_root, "evil", "fuzz.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Hostile", "fuzz", fixture), target);

        var result = PypaYamlLoader.Load(_root);

        Assert.Single(result.Records);
        Assert.Contains(result.Warnings, w => w.Source.StartsWith(target, StringComparison.Ordinal) && w.Message.Contains("YAML"));
    }

    [Fact]
    public void Load_FifoNamedYaml_IsRefusedWithoutBlocking()
    {
        var fifo = Path.Combine(_root, "demo", "PYSEC-2099-2.yaml");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        var result = PypaYamlLoader.Load(_root);

        Assert.Single(result.Records);
        Assert.Contains(result.Warnings, w => w.Source == fifo && w.Message.Contains("FIFO"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string BillionLaughs()
    {
        var lines = new List<string> { "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]" };
        for (var i = 1; i < 10; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(",", Enumerable.Repeat($"*a{i - 1}", 9))}]");
        }

        return string.Join("\n", lines) + "\n";
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
