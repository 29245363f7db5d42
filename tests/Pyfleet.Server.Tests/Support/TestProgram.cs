using Pyfleet.Storage.Sqlite.Fleet;

namespace Pyfleet.Server.Tests.Support;

/// <summary>The entry point <see cref="FleetFactory"/> starts (tests replace its store with their own).</summary>
public sealed class TestProgram
{
    private TestProgram()
    {
    }

    public static void Main(string[] args)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pyfleet-server-test-{Environment.ProcessId}.db");
        FleetServer.Build(new FleetServerOptions(), SqliteFleetStore.Open(path), args).Run();
    }
}
