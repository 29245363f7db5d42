using Pyfleet.Core.Manifests;

namespace Pyfleet.Core.Tests.Manifests.Locks;

internal static class ManifestFixture
{
    public static string PathOf(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", "Manifests", .. parts]);

    public static ManifestReadResult Read(params string[] parts) => ManifestReaders.Read(PathOf(parts));
}
