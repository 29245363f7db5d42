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

    private static InventoryPackage Package(string pin)
    {
        var parts = pin.Split("==");
        return new InventoryPackage { Name = parts[0], DisplayName = parts[0], Version = parts[1], Installer = "pip" };
    }
}
