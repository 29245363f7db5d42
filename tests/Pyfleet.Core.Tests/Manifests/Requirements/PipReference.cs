using System.Diagnostics;
using System.Text.Json;

namespace Pyfleet.Core.Tests.Manifests.Requirements;

/// <summary>
/// Runs the machine's pip (<c>python3 -m pip</c>'s own parser, through <c>Fixtures/Manifests/Requirements/pip_parse.py</c>)
/// on every requirements fixture once, and keeps what it found per file.
/// </summary>
public sealed class PipReference
{
    /// <summary>The variables both pip and Pyfleet see, for the <c>${VAR}</c> fixtures.</summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["PYFLEET_TEST_TOKEN"] = "s3cret-token",
        ["PANDAS_SHA256"] = new string('a', 64),
    };

    public static string FixtureRoot => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Manifests", "Requirements");

    private readonly Dictionary<string, JsonElement> _results = new(StringComparer.Ordinal);

    public PipReference()
    {
        foreach (var group in RequirementsFixtures.All().GroupBy(Path.GetDirectoryName))
        {
            Run(group.Key!, [.. group]);
        }
    }

    /// <summary>major.minor of the pip that answered (23.2 with the pyenv python, 23.0 with Debian's).</summary>
    public Version PipVersion { get; private set; } = new(0, 0);

    public JsonElement For(string file) => _results[Path.GetFullPath(file)];

    private void Run(string directory, string[] files)
    {
        var start = new ProcessStartInfo("python3")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(FixtureRoot, "pip_parse.py"));
        foreach (var file in files)
        {
            start.ArgumentList.Add(Path.GetFileName(file));
        }

        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pip_parse.py failed: {stderr.Result}");
        }

        using var document = JsonDocument.Parse(stdout);
        PipVersion = new Version(document.RootElement.GetProperty("pip").GetString()!.Split('.').Take(2) is var parts ? string.Join('.', parts) : "0.0");
        foreach (var (file, element) in files.Zip(document.RootElement.GetProperty("results").EnumerateArray()))
        {
            _results[Path.GetFullPath(file)] = element.Clone();
        }
    }
}
