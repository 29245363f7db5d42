namespace Pyfleet.Core.Advisories.Osv;

/// <summary>What a loader read: the usable records (withdrawn ones included) and every warning.</summary>
public sealed record OsvLoadResult(IReadOnlyList<OsvRecord> Records, IReadOnlyList<AdvisoryWarning> Warnings, int EntriesSeen);
