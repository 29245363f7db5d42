namespace Pyfleet.Storage.Internal;

/// <summary>
/// The migration scripts embedded for one engine (<c>&lt;Engine&gt;/Migrations/NNNN_name.sql</c>), in file-name
/// order. Each store area owns a number range, the same for both engines: 00xx foundation, 01xx inventory
/// snapshots, 02xx advisories, 03xx releases/lifecycle, 04xx fleet, 05xx tokens and notifications. An area adds
/// its files to both engines' folders; a script depends only on earlier scripts of its own area (and 00xx), so an
/// area may add a file below another area's newest one and every store still ends up the same.
/// </summary>
internal static class MigrationScripts
{
    public static IReadOnlyList<(string Id, string Sql)> For(string engineFolder)
    {
        var prefix = $"Pyfleet.Storage.{engineFolder}.Migrations.";
        var assembly = typeof(MigrationScripts).Assembly;
        var scripts = new List<(string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add((resource[prefix.Length..^".sql".Length], reader.ReadToEnd()));
        }

        return scripts;
    }
}
