using Pyfleet.Core.Manifests;

namespace Pyfleet.Core.Tests.Manifests.Locks;

public sealed class ManifestReadersTests
{
    [Theory]
    [InlineData("/srv/app/requirements.txt", "python/requirements")]
    [InlineData("/srv/app/requirements/prod.txt", "python/requirements")]
    [InlineData("/srv/app/dev-requirements.in", "python/requirements")]
    [InlineData("/srv/app/constraints.txt", "python/requirements")]
    [InlineData("/srv/app/poetry.lock", "python/poetrylock")]
    [InlineData("/srv/app/Pipfile.lock", "python/pipfilelock")]
    [InlineData("/srv/app/uv.lock", "python/uvlock")]
    [InlineData("/srv/app/pylock.toml", "python/pylock")]
    [InlineData("/srv/app/pylock.web.toml", "python/pylock")]
    [InlineData("/srv/app/pdm.lock", "python/pdmlock")]
    [InlineData("/srv/app/pyproject.toml", "python/pyproject")]
    [InlineData("/srv/app/setup.cfg", "python/setupcfg")]
    [InlineData("/srv/app/versions.cfg", "python/buildout")]
    public void Find_KnownFileNames_PickTheirReader(string path, string reader)
    {
        Assert.Equal(reader, ManifestReaders.Find(path)?.Name);
        Assert.True(ManifestDiscovery.IsManifest(path));
    }

    [Theory]
    [InlineData("/srv/app/poetry.lock.file")]
    [InlineData("/srv/app/notes.txt")]
    [InlineData("/srv/app/pylock.a.b.toml")]
    [InlineData("/srv/app/Pipfile")]
    [InlineData("/srv/app/README.md")]
    public void Find_OtherFiles_NoReader(string path)
    {
        Assert.False(ManifestDiscovery.IsManifest(path));
    }

    [Theory]
    [InlineData("UvLock/uv.lock", "uv-lock")]
    [InlineData("PoetryLock/v2/poetry.lock", "poetry-lock")]
    [InlineData("PipfileLock/Pipfile.lock", "pipfile-lock")]
    [InlineData("PyLock/pylock.toml", "pylock")]
    [InlineData("PdmLock/pdm.lock", "pdm-lock")]
    [InlineData("Requirements/layered/base.txt", "requirements")]
    public void Read_RenamedFile_ReaderPickedFromContent(string fixture, string kind)
    {
        var copy = Path.Combine(Directory.CreateTempSubdirectory("pyfleet-sniff-").FullName, "deploy.lock");
        File.Copy(ManifestFixture.PathOf(fixture.Split('/')), copy);

        var result = ManifestReaders.Read(copy);

        Assert.Equal(kind, result.Environment.Kind);
        Assert.NotEmpty(result.Environment.Packages);
    }

    [Fact]
    public void Read_BinaryFile_PyfleetException()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("pyfleet-sniff-").FullName, "blob.bin");
        File.WriteAllBytes(path, [0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 0, 1]);

        var ex = Assert.Throws<Pyfleet.Core.Errors.PyfleetException>(() => ManifestReaders.Read(path));

        Assert.Equal(path, ex.Path);
    }
}
