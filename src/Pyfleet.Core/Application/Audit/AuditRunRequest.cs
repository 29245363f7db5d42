using Pyfleet.Core.Application.Inputs;
using Pyfleet.Core.Auditing;
using Pyfleet.Packaging.Markers;

namespace Pyfleet.Core.Application.Audit;

/// <summary>One audit: what to read, how to judge it, where advisories come from, and how the run is observed.</summary>
public sealed record AuditRunRequest
{
    /// <summary>Folders, files, inventory documents, <c>snapshot:ID</c> (none: the current folder).</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    public required InventorySourceOptions InputOptions { get; init; }

    /// <summary>Judge as on this date (<c>--as-of</c>): later advisories are ignored. Null: now, all advisories.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Target interpreter for lock-file markers (<c>--python</c>), or null.</summary>
    public MarkerEnvironment? Target { get; init; }

    public string Platform { get; init; } = "linux";

    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];

    /// <summary>The advisory source to use (<c>--source</c>) instead of the configured ones.</summary>
    public string? Source { get; init; }

    /// <summary>Never touch the network (a first sync may use only a local source).</summary>
    public bool Offline { get; init; }

    /// <summary>Ask the OSV API about the inputs' packages instead of the local database.</summary>
    public bool UseOsvApi { get; init; }

    /// <summary>Warn when the database is older than this many days; null: the configured limit.</summary>
    public int? MaxAgeDays { get; init; }

    public IReadAhead ReadAhead { get; init; } = SequentialReadAhead.Instance;

    public IProgress<RunNotice>? Notices { get; init; }

    public IProgress<AuditPhase>? Phases { get; init; }
}
