namespace Pyfleet.Core.Advisories;

/// <summary>A record skipped or doubted while loading: where it came from and why. Never dropped silently.</summary>
public sealed record AdvisoryWarning(string Source, string Message)
{
    public override string ToString() => $"{Source}: {Message}";
}
