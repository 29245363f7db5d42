using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Tests.Inventory;

public sealed class InventoryJsonTests
{
    [Fact]
    public void Serialize_UsesTheStableCamelCaseContractWithNulls()
    {
        var document = new InventoryDocument
        {
            Host = new HostInfo { Name = "web1" },
            ScannedAt = new DateTimeOffset(2026, 8, 22, 10, 0, 0, TimeSpan.Zero),
            Environments =
            [
                new PythonEnvironment
                {
                    Path = "/srv/app/.venv",
                    Kind = EnvironmentKinds.Venv,
                    Python = new PythonRuntime("3.11.7"),
                    Packages = [new InventoryPackage { Name = "django", DisplayName = "Django", Version = "4.2.7", Installer = "pip" }],
                },
            ],
        };

        var json = InventoryJson.Serialize(document);

        Assert.Contains("\"schemaVersion\": 1", json);
        Assert.Contains("\"displayName\": \"Django\"", json);
        Assert.Contains("\"osPackage\": null", json);
        Assert.Contains("\"inherited\": false", json);
        Assert.Equal(json, InventoryJson.Serialize(InventoryJson.Deserialize(json)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SerializeAsync_StreamedPerEnvironment_WritesExactlyWhatSerializeWrites(bool indented)
    {
        var document = new InventoryDocument
        {
            Host = new HostInfo { Name = "web1", Os = new OperatingSystemInfo("debian", "12", "bookworm", "Debian 12") },
            ScannedAt = new DateTimeOffset(2026, 8, 22, 10, 0, 0, TimeSpan.Zero),
            Environments =
            [
                new PythonEnvironment { Path = "/a", Kind = EnvironmentKinds.Venv, Labels = ["shop"], Packages = [new InventoryPackage { Name = "django", Version = "4.2.7", Hashes = ["sha256:00"] }] },
                new PythonEnvironment { Path = "/b/requirements.txt", Kind = EnvironmentKinds.Requirements, Constraints = [new InventoryPackage { Name = "six", Specifier = "<2" }] },
            ],
            Warnings = [new ScanWarning("/c", "unreadable: é")],
        };
        using var stream = new MemoryStream();

        await InventoryJson.SerializeAsync(stream, document, indented: indented);

        Assert.Equal(InventoryJson.Serialize(document, indented), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Deserialize_Malformed_ReportsFileAndLine()
    {
        var ex = Assert.Throws<PyfleetException>(() => InventoryJson.Deserialize("{\n\"schemaVersion\": 1,\n \"host\": ", "inv.json"));
        Assert.Equal("inv.json", ex.Path);
        Assert.NotNull(ex.Line);
    }

    [Fact]
    public void Deserialize_FutureSchema_IsRefused()
    {
        var ex = Assert.Throws<PyfleetException>(() => InventoryJson.Deserialize("{\"schemaVersion\":2,\"host\":{\"name\":\"h\"},\"scannedAt\":\"2026-01-01T00:00:00Z\"}", "inv.json"));
        Assert.Contains("schemaVersion 2", ex.Message);
    }
}
