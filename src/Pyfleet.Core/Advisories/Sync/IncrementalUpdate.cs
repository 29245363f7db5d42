using Pyfleet.Core.Advisories.Osv;

namespace Pyfleet.Core.Advisories.Sync;

/// <summary>The records fetched by one incremental update and the state to save with them.</summary>
public sealed record IncrementalUpdate(AdvisorySourceState State, IReadOnlyList<OsvRecord> Records, IReadOnlyList<AdvisoryWarning> Warnings);
