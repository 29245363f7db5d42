namespace Pyfleet.Core.Advisories.Sync;

/// <summary>
/// What the store remembers about one synced source: where from (credentials redacted), the validators for the
/// next conditional GET, the content hash, when, how many records, and the incremental cursor
/// (newest <c>modified_id.csv</c> timestamp processed).
/// </summary>
public sealed record AdvisorySourceState(string Key, string Location, string? ETag, DateTimeOffset? LastModified, string? Sha256,
    DateTimeOffset SyncedAt, int RecordCount, DateTimeOffset? Cursor = null);
