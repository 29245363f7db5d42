using Pyfleet.Core.Inventory;

namespace Pyfleet.Dashboard.Tests.Support;

/// <summary>The seed fleet (Fixtures/Inventories): web1 (snapshots 1 and 2), web2 (shares web1's shop venv), db1, old1 (quiet: last seen 9 days ago).</summary>
public static class Fixtures
{
    /// <summary>"Now" for the seeded server: old1 last reported 9 days before.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Each fixture in push order with the time the server receives it.</summary>
    public static IReadOnlyList<(string Name, DateTimeOffset ReceivedAt)> PushOrder { get; } =
    [
        ("web1-1", new(2026, 11, 28, 6, 1, 0, TimeSpan.Zero)),
        ("web1-2", new(2026, 11, 29, 6, 1, 0, TimeSpan.Zero)),
        ("web2", new(2026, 11, 29, 6, 6, 0, TimeSpan.Zero)),
        ("db1", new(2026, 11, 29, 7, 1, 0, TimeSpan.Zero)),
        ("old1", new(2026, 11, 20, 6, 1, 0, TimeSpan.Zero)),
    ];

    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "Inventories", name + ".json");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    public static InventoryDocument Document(string name) => InventoryJson.Deserialize(Bytes(name), Path(name));
}
