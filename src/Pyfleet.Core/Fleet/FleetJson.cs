using System.Text.Json;
using System.Text.Json.Serialization;
using Pyfleet.Core.Fleet.Events;
using Pyfleet.Core.Fleet.Findings;
using Pyfleet.Core.Fleet.Suppressions;

namespace Pyfleet.Core.Fleet;

/// <summary>The fleet API's JSON bodies (camelCase, source-generated so the trimmed CLI and the server agree).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(WhoResponse))]
[JsonSerializable(typeof(HostsResponse))]
[JsonSerializable(typeof(FleetHost))]
[JsonSerializable(typeof(SnapshotsResponse))]
[JsonSerializable(typeof(SnapshotDiff))]
[JsonSerializable(typeof(PushResponse))]
[JsonSerializable(typeof(EnrollResponse))]
[JsonSerializable(typeof(HostRequest))]
[JsonSerializable(typeof(HeartbeatResponse))]
[JsonSerializable(typeof(IReadOnlyList<FleetTokenView>))]
[JsonSerializable(typeof(FindingsResponse))]
[JsonSerializable(typeof(TrendResponse))]
[JsonSerializable(typeof(FleetOverview))]
[JsonSerializable(typeof(EventsResponse))]
[JsonSerializable(typeof(SuppressionsResponse))]
[JsonSerializable(typeof(NewSuppression))]
[JsonSerializable(typeof(FleetSuppression))]
public sealed partial class FleetJson : JsonSerializerContext;

/// <summary><c>GET /api/v1/who</c>.</summary>
public sealed record WhoResponse(IReadOnlyList<WhoMatch> Matches);

/// <summary><c>GET /api/v1/hosts</c>.</summary>
public sealed record HostsResponse(IReadOnlyList<FleetHost> Hosts);

/// <summary><c>GET /api/v1/hosts/{name}/snapshots</c>.</summary>
public sealed record SnapshotsResponse(string Host, IReadOnlyList<FleetSnapshotSummary> Snapshots);

/// <summary><c>POST /api/v1/snapshots</c>: 201 (new) or 200 (the same content was already stored).</summary>
public sealed record PushResponse(long Snapshot, string Host);

/// <summary><c>POST /api/v1/enroll</c>: the new host-bound token (shown once).</summary>
public sealed record EnrollResponse(string Token, string Host);

/// <summary>The body of <c>POST /api/v1/enroll</c> and <c>POST /api/v1/heartbeat</c>.</summary>
public sealed record HostRequest(string Host);

/// <summary><c>POST /api/v1/heartbeat</c>.</summary>
public sealed record HeartbeatResponse(string Host, long? LatestSnapshot);

/// <summary>A token as <c>pyfleet token list --format json</c> shows it (never the secret or its hash).</summary>
public sealed record FleetTokenView(long Id, string Scope, string? Host, string? Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    public static FleetTokenView From(FleetToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new(token.Id, token.Scope, token.Host, token.Name, token.CreatedAt, token.ExpiresAt, token.RevokedAt);
    }
}

/// <summary><c>GET /api/v1/findings</c>: one page, the total, and whether the analysis had its data (no findings without advisories is not "clean").</summary>
public sealed record FindingsResponse(IReadOnlyList<FleetFinding> Findings, int Total, int Offset, int Limit, bool AdvisoriesLoaded, bool LifecycleLoaded, string DataVersion);

/// <summary><c>GET /api/v1/findings/trend</c>.</summary>
public sealed record TrendResponse(IReadOnlyList<TrendDay> Days);

/// <summary><c>GET /api/v1/events</c>.</summary>
public sealed record EventsResponse(IReadOnlyList<FleetEvent> Events);

/// <summary><c>GET /api/v1/suppressions</c>.</summary>
public sealed record SuppressionsResponse(IReadOnlyList<FleetSuppression> Suppressions);
