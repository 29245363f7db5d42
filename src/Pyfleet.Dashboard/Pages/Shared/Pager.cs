namespace Pyfleet.Dashboard.Pages.Shared;

/// <summary>Previous/next links of a paginated list.</summary>
public sealed record Pager(int Page, int Pages, Func<int, string> Link);
