using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Pyfleet.Core.Inventory;
using Pyfleet.Testing.Releases;

namespace Pyfleet.Cli.Tests.Outdated;

/// <summary>
/// A real venv (<c>python3 -m venv</c>) with Python 3.8-era pins installed by a real pip from wheels this fixture
/// writes, plus a loopback index that serves the recorded Django/numpy histories with those same wheel files
/// (so the index's sha256 values are the ones pip will check).
/// </summary>
public sealed class VenvFixture : IDisposable
{
    public static readonly (string Name, string Version)[] Installed = [("Django", "3.2.12"), ("numpy", "1.24.0"), ("sqlparse", "0.4.1")];
    public static readonly (string Name, string Version)[] Targets = [("Django", "3.2.25"), ("numpy", "1.24.4"), ("sqlparse", "0.4.4")];

    public VenvFixture()
    {
        Root = Directory.CreateTempSubdirectory("pyfleet-venv-").FullName;
        Wheels = Path.Combine(Root, "wheels");
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var django = RecordedProject.FromReleaseList("django", Path.Combine(fixtures, "Releases", "django-versions.json"));
        var numpy = RecordedProject.FromReleaseList("numpy", Path.Combine(fixtures, "Releases", "numpy-versions.json"));
        var sqlparse = new RecordedProject("sqlparse");
        foreach (var v in new[] { "0.4.1", "0.4.2", "0.4.3", "0.4.4" })
        {
            sqlparse.Add(v, ">=3.5");
        }

        sqlparse.Add("0.5.0", ">=3.8");
        var projects = new Dictionary<string, RecordedProject> { ["django"] = django, ["numpy"] = numpy, ["sqlparse"] = sqlparse };
        foreach (var (name, version) in Installed.Concat(Targets))
        {
            var requires = name == "numpy" ? ">=3.8" : name == "Django" ? ">=3.6" : ">=3.5";
            var wheel = WheelWriter.Write(Wheels, name, version, requires);
            projects[name.ToLowerInvariant()].Add(version, requires, content: File.ReadAllBytes(wheel));
        }

        foreach (var project in projects.Values)
        {
            Server.Add(project);
        }

        foreach (var product in new[] { "django", "python", "numpy" })
        {
            Server.AddEolProduct(product, File.ReadAllText(Path.Combine(fixtures, "Lifecycle", product + ".json")));
        }

        Venv = Path.Combine(Root, "venv");
        Run("python3", "-m", "venv", Venv);
        Run(Pip, ["install", "--no-index", "--find-links", Wheels, "--disable-pip-version-check", "--quiet", .. Installed.Select(p => $"{p.Name}=={p.Version}")]);
        PythonVersion = Run(Python, "-c", "import platform; print(platform.python_version())").Trim();
        Inventory = ReadInventory(); // before any test upgrades the venv
    }

    public string Root { get; }
    public string Wheels { get; }
    public string Venv { get; }
    public string Python => Path.Combine(Venv, "bin", "python");
    public string Pip => Path.Combine(Venv, "bin", "pip");
    public string PythonVersion { get; }
    public LoopbackIndexServer Server { get; } = new();

    public static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    /// <summary>The venv as first installed, from the real <c>pip list --format json</c> of the venv.</summary>
    public InventoryDocument Inventory { get; }

    private InventoryDocument ReadInventory()
    {
        using var list = JsonDocument.Parse(Run(Pip, "list", "--format", "json", "--disable-pip-version-check"));
        return new InventoryDocument
        {
            Host = new HostInfo { Name = "test" },
            ScannedAt = DateTimeOffset.UtcNow,
            Environments =
            [
                new PythonEnvironment
                {
                    Path = Venv,
                    Kind = EnvironmentKinds.Venv,
                    Python = new PythonRuntime(PythonVersion),
                    Packages = list.RootElement.EnumerateArray()
                        .Select(p => new InventoryPackage { Name = Pyfleet.Packaging.Names.PackageName.Normalize(p.GetProperty("name").GetString()!), Version = p.GetProperty("version").GetString() })
                        .ToList(),
                },
            ],
        };
    }

    public static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PIP_NO_INPUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} timed out");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }

    public void Dispose()
    {
        Server.Dispose();
        Directory.Delete(Root, true);
    }
}
