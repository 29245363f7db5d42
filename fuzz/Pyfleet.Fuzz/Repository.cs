namespace Pyfleet.Fuzz;

/// <summary>Finds the repository root (the folder with <c>Pyfleet.slnx</c>) from the working folder or the binary.</summary>
internal static class Repository
{
    public static string Root { get; } = Find(Environment.CurrentDirectory) ?? Find(AppContext.BaseDirectory) ?? Environment.CurrentDirectory;

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pyfleet.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
