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
    public static MarkerEnvironment For(string pythonVersion, string platform = "linux") => throw new NotImplementedException();
}
