namespace Pyfleet.Dashboard;

/// <summary>How the dashboard behaves; defaults suit a fleet whose agents report hourly.</summary>
public sealed record DashboardOptions
{
    /// <summary>A host not seen for this long is listed as "stopped reporting" on the overview.</summary>
    public TimeSpan QuietAfter { get; init; } = TimeSpan.FromHours(26);

    /// <summary>Rows per page of the findings and hosts lists.</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>Days the overview's trend chart covers.</summary>
    public int TrendDays { get; init; } = 30;

    /// <summary>How long the login cookie lives (the token's own expiry and revocation apply first).</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(12);
}
