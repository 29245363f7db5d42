namespace Pyfleet.Core.Inventory;

/// <summary>The values of <see cref="PythonEnvironment.Kind"/>.</summary>
public static class EnvironmentKinds
{
    // Installed
    public const string Venv = "venv";
    public const string System = "system";
    public const string Conda = "conda";
    public const string Pyenv = "pyenv";
    public const string UserSite = "user-site";

    /// <summary>The packages an SBOM made by another tool lists (CycloneDX, SPDX), named after its subject.</summary>
    public const string Sbom = "sbom";

    // Declared
    public const string Requirements = "requirements";
    public const string PoetryLock = "poetry-lock";
    public const string PipfileLock = "pipfile-lock";
    public const string UvLock = "uv-lock";
    public const string PyLock = "pylock";
    public const string PdmLock = "pdm-lock";
    public const string Pyproject = "pyproject";
    public const string SetupCfg = "setup-cfg";
    public const string Buildout = "buildout";

    /// <summary>True for kinds that describe files (declared dependencies) rather than installed packages.</summary>
    public static bool IsDeclared(string kind) => kind is Requirements or PoetryLock or PipfileLock or UvLock or PyLock or PdmLock or Pyproject or SetupCfg or Buildout;
}
