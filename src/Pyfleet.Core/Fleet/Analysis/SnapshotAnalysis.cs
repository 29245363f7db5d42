namespace Pyfleet.Core.Fleet.Analysis;

/// <summary>
/// The analysis of one pushed snapshot, made before its ingest transaction and applied inside it: the findings of
/// each (name, version) pair it installs under <see cref="Data"/>. The store writes the pairs not yet analysed for
/// that version, recomputes the host's findings and appends the <c>snapshot:ID</c> event, all in the same
/// transaction as the snapshot itself.
/// </summary>
public sealed record SnapshotAnalysis(AnalysisVersion Data, IReadOnlyDictionary<(string Name, string Version), IReadOnlyList<PairFinding>> Pairs);
