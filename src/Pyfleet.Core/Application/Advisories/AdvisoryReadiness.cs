using Pyfleet.Core.Advisories.Sync;

namespace Pyfleet.Core.Application.Advisories;

/// <summary>What the database holds against what was asked for, read once.</summary>
/// <param name="Synced">The sources the database has synced.</param>
/// <param name="Missing">Asked-for sources it has not synced (all of them when it is empty).</param>
public sealed record AdvisoryReadiness(IReadOnlyList<AdvisorySourceState> Synced, IReadOnlyList<AdvisorySource> Missing)
{
    /// <summary>True when nothing needs syncing first.</summary>
    public bool Ready => Synced.Count > 0 && Missing.Count == 0;
}
