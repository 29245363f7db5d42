namespace Pyfleet.Core.Lifecycle;

/// <summary>The lifecycle verdict for one version of one product as of a date.</summary>
public sealed record EolStatus
{
    /// <summary>endoflife.date product (<c>django</c>, <c>python</c>, <c>debian</c>).</summary>
    public required string Product { get; init; }

    /// <summary>The release cycle matched (<c>3.2</c>); null when the version belongs to no known cycle.</summary>
    public string? Cycle { get; init; }

    public DateOnly? EolDate { get; init; }

    /// <summary>End of active support (bug fixes); for Python the end of bugfix releases.</summary>
    public DateOnly? ActiveSupportEnd { get; init; }

    public bool IsEol { get; init; }
    public bool PastActiveSupport { get; init; }
    public bool IsLts { get; init; }
    public string? LatestInCycle { get; init; }

    /// <summary>Not yet EOL, but within the warning window.</summary>
    public bool EolSoon { get; init; }

    /// <summary>Days until EOL (negative when past), when the date is known.</summary>
    public int? DaysLeft { get; init; }

    /// <summary>End of extended support (endoflife.date <c>eoes</c>: Debian LTS, Ubuntu ESM), when later than <see cref="EolDate"/>.</summary>
    public DateOnly? ExtendedSupportEnd { get; init; }

    /// <summary>Days until <see cref="ExtendedSupportEnd"/> (negative when past).</summary>
    public int? ExtendedDaysLeft { get; init; }

    /// <summary>For OS-managed copies: the distribution's support of this package (what the verdict is judged by).</summary>
    public DistributionSupport? Distribution { get; init; }

    /// <summary>The verdict that counts: the distribution's when the copy is OS-managed, else upstream's.</summary>
    public bool EffectiveEol => Distribution?.IsEol ?? IsEol;
}

/// <summary>A distribution release's support for the packages it ships (Debian 12 security support, then LTS).</summary>
public sealed record DistributionSupport(string Product, string Cycle, DateOnly? SecuritySupportEnd, DateOnly? ExtendedSupportEnd, bool IsEol, DateOnly? SupportEnd);
