using System.Globalization;
using System.Text.Json;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Analysis;
using Pyfleet.Core.Fleet.Events;
using Pyfleet.Core.Fleet.Findings;

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
        row.Host, row.Path, row.Kind, Labels(row.Labels), PackageName(row.Name), row.Version, row.Os_Package, row.Snapshot, Time(row.Scanned_Ms));

    public static string LabelsJson(IReadOnlyList<string> labels) => JsonSerializer.Serialize(labels, FleetJson.Default.IReadOnlyListString);

    public static string[] Labels(string? json) => json is null ? [] : JsonSerializer.Deserialize(json, FleetJson.Default.StringArray) ?? [];

    /// <summary>How a dictionary name is shown: the interpreter's reserved name as <c>python</c>.</summary>
    public static string PackageName(string name) => name == InterpreterPair.Name ? InterpreterPair.DisplayName : name;

    public static PairFinding Pair(PairFindingRow row) => new(
        row.Finding_Key, row.Kind, row.Advisory_Id, Labels(row.Aliases), row.Summary, row.Severity, row.Fixed_Version, Date(row.Eol_Date));

    public static string? DateText(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static FleetFinding Finding(FindingRow row) => new(
        row.Host, row.Path, row.Env_Kind, Labels(row.Labels), PackageName(row.Name), row.Version, row.Os_Package, row.Kind ?? "",
        row.Advisory_Id, Labels(row.Aliases), row.Summary, row.Severity ?? "unknown", row.Fixed_Version, Date(row.Eol_Date),
        row.Suppressed, row.Snapshot, Time(row.First_Seen_Ms));

    /// <summary>An event item of <paramref name="row"/>; the finding's own columns from <paramref name="fallback"/> once it was withdrawn.</summary>
    public static FleetEventItem Item(string change, FindingRow row, PairFinding? fallback)
    {
        var pair = row.Kind is null ? fallback : null;
        return new FleetEventItem(
            change, pair?.Kind ?? row.Kind ?? "", row.Host, row.Path, Labels(row.Labels), PackageName(row.Name), row.Version,
            pair is null ? row.Advisory_Id : pair.AdvisoryId, pair?.Aliases ?? Labels(row.Aliases), pair is null ? row.Summary : pair.Summary,
            pair?.Severity ?? row.Severity ?? "unknown", pair is null ? row.Fixed_Version : pair.FixedVersion, pair is null ? Date(row.Eol_Date) : pair.EolDate);
    }

    public static FleetEvent Event(EventRow row) => new(
        row.Id, row.Key, row.Cause, Time(row.Occurred_Ms), JsonSerializer.Deserialize(row.Items, FleetJson.Default.ListFleetEventItem) ?? []);

    public static string ItemsJson(List<FleetEventItem> items) => JsonSerializer.Serialize(items, FleetJson.Default.ListFleetEventItem);
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<string>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
[System.Text.Json.Serialization.JsonSerializable(typeof(List<FleetEventItem>))]
internal sealed partial class FleetJson : System.Text.Json.Serialization.JsonSerializerContext;
