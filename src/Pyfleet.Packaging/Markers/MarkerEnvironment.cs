namespace Pyfleet.Packaging.Markers;

/// <summary>
/// Values of PEP 508 environment marker variables for one target interpreter and platform.
/// </summary>
public sealed record MarkerEnvironment
{
    public string OsName { get; init; } = "posix";
    public string SysPlatform { get; init; } = "linux";
    public string PlatformMachine { get; init; } = "x86_64";
    public string PlatformPythonImplementation { get; init; } = "CPython";
    public string PlatformRelease { get; init; } = "";
    public string PlatformSystem { get; init; } = "Linux";
    public string PlatformVersion { get; init; } = "";
    public string PythonVersion { get; init; } = "3.12";
    public string PythonFullVersion { get; init; } = "3.12.0";
    public string ImplementationName { get; init; } = "cpython";
    public string ImplementationVersion { get; init; } = "3.12.0";

    /// <summary>An environment for CPython <paramref name="pythonVersion"/> (<c>3.11</c> or <c>3.11.7</c>) on <paramref name="platform"/> (<c>linux</c>, <c>darwin</c>, <c>win32</c>).</summary>
    /// <exception cref="ArgumentException">The Python version is not <c>X.Y</c> or <c>X.Y.Z[suffix]</c>.</exception>
    public static MarkerEnvironment For(string pythonVersion, string platform = "linux")
    {
        ArgumentNullException.ThrowIfNull(pythonVersion);
        ArgumentNullException.ThrowIfNull(platform);
        var parts = pythonVersion.Trim().Split('.');
        if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0
            || !parts[0].All(char.IsAsciiDigit) || !parts[1].All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Python version '{pythonVersion}' is not X.Y or X.Y.Z.", nameof(pythonVersion));
        }

        var shortVersion = $"{parts[0]}.{parts[1]}";
        // platform.python_version() always has three components ("3.11" means "3.11.0").
        var fullVersion = parts.Length == 2 ? shortVersion + ".0" : pythonVersion.Trim();
        var (osName, system, machine) = platform switch
        {
            "win32" => ("nt", "Windows", "AMD64"),
            "darwin" => ("posix", "Darwin", "arm64"),
            "linux" => ("posix", "Linux", "x86_64"),
            _ => ("posix", platform.Length > 0 ? char.ToUpperInvariant(platform[0]) + platform[1..] : "", "x86_64"),
        };

        return new MarkerEnvironment
        {
            OsName = osName,
            SysPlatform = platform,
            PlatformMachine = machine,
            PlatformSystem = system,
            PythonVersion = shortVersion,
            PythonFullVersion = fullVersion,
            ImplementationVersion = fullVersion,
        };
    }
}
