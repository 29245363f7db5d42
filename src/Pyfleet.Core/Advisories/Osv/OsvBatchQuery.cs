namespace Pyfleet.Core.Advisories.Osv;

/// <summary>Body of <c>POST /v1/querybatch</c> (FORMATS.md §6.4): at most 1,000 queries.</summary>
public sealed record OsvBatchQuery(IReadOnlyList<OsvQuery> Queries);

/// <summary>One query: a package and a version, plus the page token when continuing.</summary>
public sealed record OsvQuery(OsvPackage Package, string? Version, string? PageToken = null);
