namespace Pyfleet.Core.Configuration;

/// <summary>
/// The one data folder that holds all Pyfleet state: the store, caches and the config file.
/// Resolution order: <c>--home</c>, then <c>$PYFLEET_HOME</c>, then the platform's per-user data folder.
/// </summary>
public sealed record PyfleetHome(string Root)
{
    public const string EnvironmentVariable = "PYFLEET_HOME";

    /// <summary>The SQLite store.</summary>
    public string DatabasePath => Path.Combine(Root, "pyfleet.db");

    /// <summary>The TOML config file.</summary>
    public string ConfigPath => Path.Combine(Root, "config.toml");

    /// <summary>HTTP and download caches.</summary>
    public string CacheDirectory => Path.Combine(Root, "cache");

    /// <summary>Resolves the home folder; <paramref name="getEnvironment"/> is injected so tests control it.</summary>
    public static PyfleetHome Resolve(string? explicitHome, Func<string, string?> getEnvironment)
    {
        if (!string.IsNullOrWhiteSpace(explicitHome))
        {
            return new PyfleetHome(Path.GetFullPath(explicitHome));
        }

        var fromEnvironment = getEnvironment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new PyfleetHome(Path.GetFullPath(fromEnvironment));
        }

        // XDG on Linux ($XDG_DATA_HOME or ~/.local/share), %LOCALAPPDATA% on Windows, ~/Library/Application Support on macOS.
        var xdg = getEnvironment("XDG_DATA_HOME");
        var dataRoot = !string.IsNullOrWhiteSpace(xdg) && !OperatingSystem.IsWindows()
            ? xdg
            : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(dataRoot))
        {
            dataRoot = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return new PyfleetHome(Path.Combine(dataRoot, "pyfleet"));
    }

    /// <summary>Creates the folder (and the cache folder) when missing.</summary>
    public void EnsureExists()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(CacheDirectory);
    }
}
