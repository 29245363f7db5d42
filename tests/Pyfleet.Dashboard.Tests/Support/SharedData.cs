namespace Pyfleet.Dashboard.Tests.Support;

/// <summary>The read-only shared data (<c>shared/data</c>) beside the repository (PYFLEET_SHARED_DATA overrides): OSV's real PyPI export.</summary>
public static class SharedData
{
    public static string OsvPyPIZip { get; } = Path.Combine(Locate(), "osv", "PyPI", "all.zip");

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("PYFLEET_SHARED_DATA") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data");
            if (File.Exists(Path.Combine(candidate, "osv", "PyPI", "all.zip")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("shared/data/osv/PyPI/all.zip not found above the test directory; set PYFLEET_SHARED_DATA");
    }
}
