using System.Text.Json;
using Pyfleet.Cli.Tests.Support;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Cli.Tests.Outdated;

/// <summary>A real venv with an old Django and Python 3.8-era pins: outdated report, then fix, then a real pip install of the fixed file.</summary>
public sealed class VenvEndToEndTests(VenvFixture venv) : IClassFixture<VenvFixture>, IDisposable
{
    private readonly CliRunner _cli = new();

    private string[] Options => ["--index-url", venv.Server.SimpleUrl, "--eol-url", venv.Server.EolUrl, "--as-of", "2026-08-22"];

    [Fact]
    public async Task Outdated_RealVenv_ReportsEolCyclesAndMinimalFix()
    {
        var inventory = Path.Combine(_cli.Home, "inventory.json");
        File.WriteAllText(inventory, InventoryJson.Serialize(venv.Inventory));
        var result = await _cli.RunAsync(["outdated", inventory, "--format", "json", .. Options]);
        Assert.Equal(1, result.ExitCode);
        var environment = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("environments")[0];
        var packages = environment.GetProperty("packages").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);

        var django = packages["django"];
        Assert.Equal("3.2.12", django.GetProperty("version").GetString());
        Assert.Equal("3.2.25", django.GetProperty("recommended").GetString());
        Assert.Equal("3.2", django.GetProperty("eol").GetProperty("cycle").GetString());
        Assert.True(django.GetProperty("eol").GetProperty("isEol").GetBoolean());
        Assert.True(django.GetProperty("eol").GetProperty("lts").GetBoolean());
        Assert.Equal("1.24", packages["numpy"].GetProperty("eol").GetProperty("cycle").GetString());
        Assert.Equal("1.24.4", packages["numpy"].GetProperty("recommended").GetString());
        Assert.Equal("0.4.4", packages["sqlparse"].GetProperty("recommended").GetString());
        Assert.Equal(JsonValueKind.Null, packages["sqlparse"].GetProperty("eol").ValueKind); // no endoflife.date product: unknown

        // The venv's own interpreter: its cycle is the X.Y of the real python.
        var python = environment.GetProperty("python");
        Assert.Equal(venv.PythonVersion, python.GetProperty("version").GetString());
        Assert.Equal(string.Join('.', venv.PythonVersion.Split('.').Take(2)), python.GetProperty("eol").GetProperty("cycle").GetString());
    }

    [Fact]
    public async Task Fix_HashedRequirements_PipInstallsTheResult()
    {
        var requirements = Path.Combine(_cli.Home, "requirements.txt");
        var lines = VenvFixture.Installed.Select(p =>
            $"{p.Name}=={p.Version} \\\n    --hash=sha256:{VenvFixture.Sha256(Path.Combine(venv.Wheels, $"{p.Name.ToLowerInvariant()}-{p.Version}-py3-none-any.whl"))}");
        File.WriteAllText(requirements, "# app pins (Python 3.8 era)\n" + string.Join("\n", lines) + "\n");

        var result = await _cli.RunAsync(["fix", requirements, "--python", venv.PythonVersion, .. Options]);
        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(requirements);
        foreach (var (name, version) in VenvFixture.Targets)
        {
            var hash = VenvFixture.Sha256(Path.Combine(venv.Wheels, $"{name.ToLowerInvariant()}-{version}-py3-none-any.whl"));
            Assert.Contains($"{name}=={version} \\\n    --hash=sha256:{hash}", text);
        }

        Assert.StartsWith("# app pins (Python 3.8 era)\n", text);
        VenvFixture.Run(venv.Pip, "install", "--no-index", "--find-links", venv.Wheels, "--disable-pip-version-check", "--quiet", "-r", requirements);
        var installed = VenvFixture.Run(venv.Python, "-c", "import django, numpy, sqlparse; print(django.__version__, numpy.__version__, sqlparse.__version__)").Trim();
        Assert.Equal("3.2.25 1.24.4 0.4.4", installed);
    }

    public void Dispose() => _cli.Dispose();
}
