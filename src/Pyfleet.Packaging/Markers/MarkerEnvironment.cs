namespace Pyfleet.Packaging.Markers;

/// <summary>
/// Values of PEP 508 environment marker variables for one target interpreter and platform.
/// </summary>
public sealed record MarkerEnvironment
{
    /// <summary><c>os.name</c> (<c>posix</c>, <c>nt</c>).</summary>
    public string OsName { get; init; } = "posix";
    /// <summary><c>sys.platform</c> (<c>linux</c>, <c>darwin</c>, <c>win32</c>).</summary>
    public string SysPlatform { get; init; } = "linux";
    /// <summary><c>platform.machine()</c>.</summary>
    public string PlatformMachine { get; init; } = "x86_64";
    /// <summary><c>platform.python_implementation()</c>.</summary>
    public string PlatformPythonImplementation { get; init; } = "CPython";
    /// <summary><c>platform.release()</c> (version-compared when it parses).</summary>
    public string PlatformRelease { get; init; } = "";
    /// <summary><c>platform.system()</c>.</summary>
    public string PlatformSystem { get; init; } = "Linux";
    /// <summary><c>platform.version()</c>.</summary>
    public string PlatformVersion { get; init; } = "";
    /// <summary><c>X.Y</c>.</summary>
    public string PythonVersion { get; init; } = "3.12";
    /// <summary><c>platform.python_version()</c> (<c>X.Y.Z</c>, maybe with a pre-release suffix).</summary>
    public string PythonFullVersion { get; init; } = "3.12.0";
    /// <summary><c>sys.implementation.name</c>.</summary>
    public string ImplementationName { get; init; } = "cpython";
    /// <summary>Formatted <c>sys.implementation.version</c>.</summary>
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
