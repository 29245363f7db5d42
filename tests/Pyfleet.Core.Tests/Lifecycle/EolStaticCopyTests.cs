using System.IO.Compression;
using Pyfleet.Core.Configuration;
using Pyfleet.Core.Http;
using Pyfleet.Core.Lifecycle;
using Pyfleet.Core.Releases.Http;

namespace Pyfleet.Core.Tests.Lifecycle;

/// <summary>Issue 11 §4: <c>eol sync</c> air-gapped from a plain static copy of endoflife.date API v1 responses.</summary>
public sealed class EolStaticCopyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pyfleet-eolcopy-").FullName;

    [Fact]
    public async Task Import_FolderZipAndFileUrl_StoresEveryProduct()
    {
        var copy = Path.Combine(_dir, "mirror", "api", "v1", "products");
        Directory.CreateDirectory(copy);
        foreach (var name in new[] { "python", "django", "debian" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Lifecycle", name + ".json"), Path.Combine(copy, name + ".json"));
        }

        var zip = Path.Combine(_dir, "eol.zip");
        ZipFile.CreateFromDirectory(Path.Combine(_dir, "mirror"), zip);

        Assert.Equal(3, await Client("https://unused.invalid/api/v1").ImportAsync(Path.Combine(_dir, "mirror"), CancellationToken.None));
        Assert.Equal(3, await Client("https://unused.invalid/api/v1").ImportAsync(zip, CancellationToken.None));
        var fileUrl = Client(new Uri(Path.Combine(_dir, "mirror", "api", "v1")).AbsoluteUri);
        Assert.Equal(3, await fileUrl.SyncAsync(CancellationToken.None));
        Assert.Equal("python", (await fileUrl.GetProductAsync("python", CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task Import_FolderWithoutResponses_ErrorKeepsStore()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "empty"));

        var error = await Assert.ThrowsAsync<Pyfleet.Core.Errors.PyfleetException>(() => Client("https://unused.invalid").ImportAsync(Path.Combine(_dir, "empty"), CancellationToken.None));

        Assert.Contains("products/full.json", error.Message, StringComparison.Ordinal);
    }

    private EolClient Client(string baseUrl) => new(
        new CachedHttpFetcher(new HttpStack(new HttpOptions()), new HttpFetchOptions { CacheDirectory = Path.Combine(_dir, "http"), Offline = true }, ownsStack: true),
        new Uri(baseUrl),
        Path.Combine(_dir, "store"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
