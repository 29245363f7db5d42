namespace Pyfleet.Core.Reporting;

/// <summary>One stored scan, as <c>scan --list-snapshots</c> lists it.</summary>
public sealed record SnapshotListing(long Id, string Host, DateTimeOffset ScannedAt, int Environments, int Packages, int Warnings);
