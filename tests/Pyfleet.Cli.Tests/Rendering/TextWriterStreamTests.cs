using System.Text;
using Pyfleet.Cli.Rendering;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Cli.Tests.Rendering;

public sealed class TextWriterStreamTests
{
    [Fact]
    public async Task SerializeAsync_ThroughTheStream_WritesTheContractWithoutFlushingPerPackage()
    {
        var document = new InventoryDocument
        {
            Host = new HostInfo { Name = "web1" },
            ScannedAt = new DateTimeOffset(2026, 11, 22, 5, 0, 0, TimeSpan.Zero),
            Environments =
            [
                new PythonEnvironment
                {
                    Path = "/srv/app/.venv",
                    Kind = EnvironmentKinds.Venv,
                    Packages = [.. Enumerable.Range(0, 50).Select(i => new InventoryPackage { Name = $"pkg-{i}", Version = "1.0", Requested = i % 2 == 0 })],
                },
            ],
        };
        var writer = new CountingWriter();

        await using (var stream = new TextWriterStream(writer))
        {
            await InventoryJson.SerializeAsync(stream, document, indented: false);
        }

        // System.Text.Json flushes after each package's nullable 'requested'; each flush would be a write(2).
        Assert.Equal(0, writer.Flushes);
        Assert.Equal(InventoryJson.Serialize(document, indented: false), writer.ToString());
    }

    [Fact]
    public void Write_MultiByteCharacterSplitAcrossWrites_IsDecodedWhole()
    {
        var writer = new CountingWriter();
        var bytes = Encoding.UTF8.GetBytes("caf\u00e9 \u20ac");
        using var stream = new TextWriterStream(writer);

        stream.Write(bytes, 0, 4);
        stream.Write(bytes, 4, bytes.Length - 5);
        stream.Write(bytes, bytes.Length - 1, 1);

        Assert.Equal("caf\u00e9 \u20ac", writer.ToString());
    }

    private sealed class CountingWriter : StringWriter
    {
        public int Flushes { get; private set; }

        public override void Flush()
        {
            Flushes++;
            base.Flush();
        }

        public override Task FlushAsync()
        {
            Flushes++;
            return base.FlushAsync();
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushes++;
            return base.FlushAsync(cancellationToken);
        }
    }
}
