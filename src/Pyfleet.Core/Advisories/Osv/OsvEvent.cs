namespace Pyfleet.Core.Advisories.Osv;

/// <summary>One range event; exactly one property is set.</summary>
public sealed record OsvEvent
{
    public string? Introduced { get; init; }
    public string? Fixed { get; init; }
    public string? LastAffected { get; init; }
    public string? Limit { get; init; }
}
