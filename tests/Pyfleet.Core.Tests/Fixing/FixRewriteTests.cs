using System.Diagnostics;
using System.Text.Json;
using Pyfleet.Core.Manifests;
using Pyfleet.Core.Releases;
using Pyfleet.Core.Releases.Analysis;
using Pyfleet.Core.Releases.Fixing;
using Pyfleet.Core.Tests.Manifests.Requirements;

namespace Pyfleet.Core.Tests.Fixing;

/// <summary>Issue 11 §3: a rewrite never breaks a file. Every result is read back by pip's own parser.</summary>
public sealed class FixRewriteTests : IDisposable
{
    private const string OldHash = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string NewHash = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    private const string NewHash2 = "sha256:3333333333333333333333333333333333333333333333333333333333333333";

    private readonly string _dir = Directory.CreateTempSubdirectory("pyfleet-fix-").FullName;

    [Theory]
    [InlineData($"Pillow==8.0.0 --hash={OldHash}  # images\n")]
    [InlineData($"Pillow==8.0.0 \\\n    --hash={OldHash}  # images\n")]
    [InlineData($"Pillow==8.0.0 \\\n    --hash={OldHash} \\\n    --hash={OldHash}\n# next\nsix==1.16.0  # plain\n")]
    [InlineData($"Pillow==8.0.0 ; python_version >= \"3.8\" --hash={OldHash} # images ; not a marker\n")]
    public void Apply_HashedPinWithComment_PipReadsNewVersionAndEveryHash(string text)
    {
        var path = Write("requirements.txt", text);
        var file = RequirementsPinReader.Read(path, text).File;
        var pillow = file.Pins.Single(p => p.Name == "pillow");

        var rewritten = PinRewriter.Apply(file, [new PinEdit(pillow, "10.0.1", [NewHash, NewHash2])]);

        File.WriteAllText(path, rewritten);
        var pip = PipParse(path);
        Assert.Equal(JsonValueKind.Null, pip.GetProperty("error").ValueKind);
        var requirement = pip.GetProperty("requirements").EnumerateArray().First(r => r.GetProperty("name").GetString() == "Pillow");
        Assert.Equal("==10.0.1", requirement.GetProperty("specifier").GetString());
        Assert.Equal([NewHash, NewHash2], requirement.GetProperty("hashes").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(text.Contains("# images", StringComparison.Ordinal), rewritten.Contains("# images", StringComparison.Ordinal));
        Assert.Equal(pip.GetProperty("requirements").GetArrayLength(), ManifestReaders.Read(path).Environment.Packages.Count);
    }

    [Theory]
    [InlineData(FixMode.Patch, "1.0.4")]
    [InlineData(FixMode.Minor, "1.1.4")]
    [InlineData(FixMode.SecurityOnly, "2.2.5")]
    public void Plan_PatchAndMinor_StayInTheirSeriesEvenForSecurityFixes(FixMode mode, string expected)
    {
        var text = "flask==1.0.2\n";
        var path = Write("requirements.txt", text);
        var file = RequirementsPinReader.Read(path, text).File;
        var report = new UpgradeReport
        {
            Name = "flask",
            Version = "1.0.2",
            Latest = "3.0.0",
            LatestInMinor = "1.0.4",
            LatestInMajor = "1.1.4",
            Kind = UpgradeKind.Security,
            SecurityFix = "2.2.5",
            Recommended = "2.2.5",
        };

        var edits = FixPlanner.Plan(file, new Dictionary<string, (UpgradeReport, ProjectReleases)> { ["flask"] = (report, ProjectReleases.NotFound("flask")) }, mode);

        Assert.Equal(expected, Assert.Single(edits).NewVersion);
    }

    [Fact]
    public void FileIndexes_IndexOptionsInFile_UsedWithoutTheRedactedCredentials()
    {
        var text = "-i https://ci:s3cret@mirror.example/simple\n--extra-index-url https://extra.example/simple\nsix==1.16.0\n";
        var path = Write("requirements.txt", text);

        var (index, extras) = FileIndexes.From(RequirementsPinReader.Read(path, text).Document);

        Assert.Equal("https://mirror.example/simple", index);
        Assert.Equal(["https://extra.example/simple"], extras);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static JsonElement PipParse(string path)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(path)! };
        start.ArgumentList.Add(Path.Combine(PipReference.FixtureRoot, "pip_parse.py"));
        start.ArgumentList.Add(path);
        start.Environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return JsonDocument.Parse(stdout).RootElement.GetProperty("results")[0].Clone();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
