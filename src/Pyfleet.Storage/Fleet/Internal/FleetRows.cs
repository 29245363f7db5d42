using System.Text.Json;
using Pyfleet.Core.Fleet;

namespace Pyfleet.Storage.Fleet.Internal;

/// <summary>Row → record mapping, shared by both engines.</summary>
internal static class FleetRows
{
    public static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static FleetToken Token(TokenRow row) => new()
    {
        Id = row.Id,
        Hash = row.Hash,
        Scope = row.Scope,
        Host = row.Host,
        Name = row.Name,
        CreatedAt = Time(row.Created_Ms),
        ExpiresAt = row.Expires_Ms is { } e ? Time(e) : null,
        RevokedAt = row.Revoked_Ms is { } r ? Time(r) : null,
    };

    public static FleetHost Host(HostRow row) => new(
        row.Name, row.Os, Time(row.First_Seen_Ms), Time(row.Last_Seen_Ms), row.Latest_Snapshot_Id,
        row.Latest_Scanned_Ms is { } s ? Time(s) : null, (int)row.Environment_Count, (int)row.Package_Count);

    public static FleetSnapshotSummary Snapshot(SnapshotRow row) => new(
        row.Id, row.Host, Convert.ToHexStringLower(row.Sha256), Time(row.Scanned_Ms), Time(row.Received_Ms),
        (int)row.Environment_Count, (int)row.Package_Count);

    public static WhoMatch Match(MatchRow row) => new(
        row.Host, row.Path, row.Kind, Labels(row.Labels), row.Name, row.Version, row.Os_Package, row.Snapshot, Time(row.Scanned_Ms));

    public static string LabelsJson(IReadOnlyList<string> labels) => JsonSerializer.Serialize(labels, FleetJson.Default.IReadOnlyListString);

    private static string[] Labels(string json) => JsonSerializer.Deserialize(json, FleetJson.Default.StringArray) ?? [];
}

[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<string>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class FleetJson : System.Text.Json.Serialization.JsonSerializerContext;
