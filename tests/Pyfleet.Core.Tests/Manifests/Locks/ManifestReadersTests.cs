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
}
