using System.Diagnostics;

namespace Pyfleet.Packaging.Tests.Support;

/// <summary>Runs a python3 script with text on stdin and returns its stdout (the differential tests' oracle).</summary>
internal static class PythonScript
{
    public static string Run(string script, string input)
    {
        var start = new ProcessStartInfo("python3", ["-c", script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(60_000), "python3 did not finish");
        Assert.True(process.ExitCode == 0, stderr.Result);
        return stdout.Result;
    }
}
