using System.Diagnostics;

namespace Pyfleet.Core.Tests.Policy;

/// <summary>
/// A real venv (<c>python3 -m venv</c>) with wheels the test builds itself (<c>Fixtures/Policy/make_wheels.py</c>)
/// installed by the machine's pip with <c>--no-index --find-links</c>. Shared by the tests of a class.
/// </summary>
public sealed class InstalledVenvFixture : IDisposable
{
    public InstalledVenvFixture()
    {
        Root = Directory.CreateTempSubdirectory("pyfleet-lint-venv-").FullName;
        var wheels = Path.Combine(Root, "wheels");
        Directory.CreateDirectory(wheels);
        Venv = Path.Combine(Root, "venv");
        Run("python3", Path.Combine(AppContext.BaseDirectory, "Fixtures", "Policy", "make_wheels.py"), wheels);
        Run("python3", "-m", "venv", "--without-pip", Venv);
        Run("python3", "-m", "pip", "--python", Path.Combine(Venv, "bin", "python"), "install", "--quiet", "--no-index", "--find-links", wheels, "webapp", "strayish");
    }

    public string Root { get; }

    public string Venv { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in /tmp must not fail the run.
        }
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {stderr}{stdout.Result}");
        }
    }
}
