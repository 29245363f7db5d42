using Pyfleet.Core.Advisories.Sync;

namespace Pyfleet.Core.Auditing;

/// <summary>What a report says about the run before any input: the date judged and the advisory data used.</summary>
/// <param name="AsOf">Advisories and suppressions are judged as on this instant.</param>
/// <param name="Sources">The advisory sources the index was built from.</param>
public sealed record AuditRunHeader(DateTimeOffset AsOf, IReadOnlyList<AdvisorySourceState> Sources);
