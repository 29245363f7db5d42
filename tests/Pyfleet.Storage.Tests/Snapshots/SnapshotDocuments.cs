using Pyfleet.Core.Inventory;

namespace Pyfleet.Storage.Tests.Snapshots;

/// <summary>Inventory documents for the snapshot tests: every field the contract has, in a few shapes.</summary>
internal static class SnapshotDocuments
{
    public static InventoryDocument Document(params PythonEnvironment[] environments) => new()
    {
        Host = new HostInfo { Name = "web1", Os = new OperatingSystemInfo("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)") },
        ScannedAt = new DateTimeOffset(2026, 11, 22, 5, 0, 0, TimeSpan.FromHours(1)),
        Environments = environments,
        Warnings = [new ScanWarning("/srv/c/METADATA", "not UTF-8: \u00e9")],
    };

    public static PythonEnvironment Venv(string path, string name, string version) => new()
    {
        Path = path,
        Kind = EnvironmentKinds.Venv,
        Python = new PythonRuntime("3.11.2"),
        Labels = ["shop"],
        Packages = [new InventoryPackage { Name = name, DisplayName = name, Version = version, Installer = "pip", Location = path + "/lib", Requested = true }],
    };

    public static PythonEnvironment Declared() => new()
    {
        Path = "/srv/a/requirements.txt",
        Kind = EnvironmentKinds.Requirements,
        Packages = [new InventoryPackage { Name = "six", Specifier = ">=1.16", Extras = ["x"], Marker = "python_version >= '3.8'", Hashes = ["sha256:00"] }],
        Constraints = [new InventoryPackage { Name = "urllib3", Specifier = "<2" }],
    };

    public static PythonEnvironment System() => new()
    {
        Path = "/usr",
        Kind = EnvironmentKinds.System,
        Python = new PythonRuntime("3.11.2"),
        Packages =
        [
            new InventoryPackage
            {
                Name = "requests",
                Version = "2.28.1",
                Installer = "debian",
                OsPackage = new OsPackageInfo("dpkg", "python3-requests", "2.28.1+dfsg-1", "requests"),
                ShadowedBy = "/usr/local/lib/python3.11/dist-packages/requests-2.31.0.dist-info",
            },
        ],
    };
}
