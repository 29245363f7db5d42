namespace Pyfleet.Core.Configuration;

/// <summary><c>[notify]</c>: where the server sends new findings.</summary>
public sealed record NotifyOptions
{
    /// <summary><c>notify.webhooks</c>: URLs that get a JSON POST per new finding.</summary>
    public IReadOnlyList<string> Webhooks { get; init; } = [];

    /// <summary><c>notify.email</c>: recipients of the mail digest.</summary>
    public IReadOnlyList<string> Email { get; init; } = [];

    /// <summary><c>notify.smtp-host</c>.</summary>
    public string? SmtpHost { get; init; }

    /// <summary><c>notify.smtp-port</c>.</summary>
    public int SmtpPort { get; init; } = 25;

    /// <summary><c>notify.min-severity</c>: only findings at or above this (low, medium, high, critical).</summary>
    public string? MinSeverity { get; init; }
}
