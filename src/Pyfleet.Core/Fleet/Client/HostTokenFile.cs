using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pyfleet.Core.Fleet.Client;

/// <summary>
/// The host token an enrolment returned, kept in the data folder (<c>fleet-host-token.json</c>, mode 0600) for
/// one server and host, so the enroll secret is used once and every later push uses the host's own key.
/// </summary>
public sealed class HostTokenFile(string path)
{
    public string Path { get; } = path;

    public string? Read(Uri server, string host)
    {
        try
        {
            var saved = JsonSerializer.Deserialize(File.ReadAllBytes(Path), HostTokenJson.Default.SavedHostToken);
            return saved is not null && saved.Server == server.AbsoluteUri && saved.Host == host ? saved.Token : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Write(Uri server, string host, string token)
    {
        ArgumentNullException.ThrowIfNull(server);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var temporary = Path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, new SavedHostToken(server.AbsoluteUri, host, token), HostTokenJson.Default.SavedHostToken);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, Path, overwrite: true);
    }
}

internal sealed record SavedHostToken(string Server, string Host, string Token);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SavedHostToken))]
internal sealed partial class HostTokenJson : JsonSerializerContext;
