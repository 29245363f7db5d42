namespace Pyfleet.Core.Advisories.Sync;

/// <summary>What one sync did, in words the CLI prints as they are.</summary>
public sealed record SyncOutcome(string SourceKey, bool Unchanged, int Records, int Withdrawn, IReadOnlyList<AdvisoryWarning> Warnings, string Message);
