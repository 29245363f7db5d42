namespace Pyfleet.Core.Advisories.Osv;

/// <summary>Response of <c>/v1/querybatch</c>: results in input order, ids only, each maybe with a next page token.</summary>
public sealed record OsvBatchResponse(IReadOnlyList<OsvBatchResult>? Results);

/// <summary>One query's result page.</summary>
public sealed record OsvBatchResult(IReadOnlyList<OsvVulnReference>? Vulns, string? NextPageToken);

/// <summary>An id and modified time, as querybatch returns them.</summary>
public sealed record OsvVulnReference(string Id, DateTimeOffset? Modified);
