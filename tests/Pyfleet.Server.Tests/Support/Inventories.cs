using Pyfleet.Core.Inventory;

namespace Pyfleet.Server.Tests.Support;

/// <summary>Small inventory documents for tests: environments given as (path, "name==version" pins).</summary>
internal static class Inventories
{
    public static InventoryDocument Make(string host, DateTimeOffset scannedAt, params (string Path, string[] Pins)[] environments) => new()
    {
        Host = new HostInfo { Name = host, Os = new OperatingSystemInfo("debian", "12", "bookworm", "Debian GNU/Linux 12") },
        ScannedAt = scannedAt,
        Environments = environments.Select(e => new PythonEnvironment
        {
            Path = e.Path,
            Kind = EnvironmentKinds.Venv,
            Labels = ["shop"],
            Packages = e.Pins.Select(Package).ToList(),
        }).ToList(),
    };

    /// <summary>A document whose environments carry their own labels and interpreter version.</summary>
    public static InventoryDocument Labelled(string host, DateTimeOffset scannedAt, params Environment[] environments) => new()
    {
        Host = new HostInfo { Name = host, Os = new OperatingSystemInfo("debian", "12", "bookworm", "Debian GNU/Linux 12") },
        ScannedAt = scannedAt,
        Environments = environments.Select(e => new PythonEnvironment
        {
            Path = e.Path,
            Kind = EnvironmentKinds.Venv,
            Labels = e.Labels,
            Python = e.Python is null ? null : new PythonRuntime(e.Python),
            Packages = e.Pins.Select(Package).ToList(),
        }).ToList(),
    };

    /// <summary>One environment of <see cref="Labelled"/>.</summary>
    public sealed record Environment(string Path, string[] Labels, string? Python, params string[] Pins);

    private static InventoryPackage Package(string pin)
    {
        var parts = pin.Split("==");
        return new InventoryPackage { Name = parts[0], DisplayName = parts[0], Version = parts[1], Installer = "pip" };
    }
}
