using Pyfleet.Core.Manifests;

namespace Pyfleet.Core.Tests.Manifests.Locks;

/// <summary>Issue 11 §1: zc.buildout drops a <c>#</c> or <c>;</c> comment that follows whitespace; scan, audit and fix agree.</summary>
public sealed class BuildoutCommentTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pyfleet-buildout-").FullName;

    [Fact]
    public void Read_InlineComments_VersionWithoutComment()
    {
        var path = Path.Combine(_dir, "versions.cfg");
        File.WriteAllText(path, "[versions]\nDjango = 3.2.18  # LTS\nzope.interface = 5.5.2 ; pinned for py2\nsome.url = 1.0#notacomment\nempty = # unpinned\n");

        var packages = ManifestReaders.Read(path).Environment.Packages.ToDictionary(p => p.Name, p => p.Version);

        Assert.Equal("3.2.18", packages["django"]);
        Assert.Equal("5.5.2", packages["zope-interface"]);
        Assert.Equal("1.0#notacomment", packages["some-url"]);
        Assert.False(packages.ContainsKey("empty"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
