namespace Pyfleet.Testing.Data;

/// <summary>Finds the read-only shared data (<c>shared/data</c>) beside the worktree; PYFLEET_SHARED_DATA overrides.</summary>
public static class SharedData
{
    public static string Root { get; } = Locate();

    public static string OsvPyPIZip => Path.Combine(Root, "osv", "PyPI", "all.zip");

    public static string OsvPyPIModifiedIds => Path.Combine(Root, "osv", "PyPI", "modified_id.csv");

    public static string PypaAdvisoryDatabase => Path.Combine(Root, "pypa-advisory-database");

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
