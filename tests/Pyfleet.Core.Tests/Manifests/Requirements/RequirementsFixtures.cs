namespace Pyfleet.Core.Tests.Manifests.Requirements;

/// <summary>The requirements fixtures compared with pip (the entry files; includes are reached from them).</summary>
public static class RequirementsFixtures
{
    public static IEnumerable<string> All()
    {
        var root = PipReference.FixtureRoot;
        string[] folders = ["syntax", "layered", "errors", "cycle", "encoding"];
        return folders
            .SelectMany(f => Directory.EnumerateFiles(Path.Combine(root, f), "*.txt"))
            .Where(f => !f.EndsWith(Path.Combine("cycle", "b.txt"), StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var file in All())
        {
            data.Add(Path.GetRelativePath(PipReference.FixtureRoot, file));
        }

        return data;
    }
}
