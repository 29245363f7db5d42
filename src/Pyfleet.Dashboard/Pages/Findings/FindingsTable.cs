using Pyfleet.Core.Fleet.Findings;

namespace Pyfleet.Dashboard.Pages.Findings;

/// <summary>What the findings table partial shows; <see cref="SortLink"/> makes the headers sort links (the findings page).</summary>
public sealed record FindingsTable(
    IReadOnlyList<FleetFinding> Items,
    string Caption,
    bool ShowHost = true,
    Func<string, string>? SortLink = null,
    string? Sort = null,
    bool Descending = true);
