using Pyfleet.Core.Fleet.Analysis;
using Pyfleet.Packaging.Names;

namespace Pyfleet.Core.Fleet.Suppressions;

/// <summary>The body of <c>POST /api/v1/suppressions</c>.</summary>
public sealed record NewSuppression(string? Package, string? Advisory, string? Host, string? Label, string? Reason, DateTimeOffset? ExpiresAt)
{
    /// <summary>The suppression to store, normalised, or a <see cref="FleetException"/> (400) saying what is wrong.</summary>
    public FleetSuppression Validate(DateTimeOffset now, string? createdBy)
    {
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var (package, advisory, host, label, reason) = (Clean(Package), Clean(Advisory), Clean(Host), Clean(Label), Clean(Reason));
        if (package is null && advisory is null && host is null && label is null)
        {
            throw FleetException.BadRequest("a suppression needs at least one of package, advisory, host or label");
        }

        if (reason is null || reason.Length > 1000)
        {
            throw FleetException.BadRequest("a suppression needs a reason (at most 1000 characters)");
        }

        if (new[] { package, advisory, host, label }.Any(v => v is { Length: > 200 }))
        {
            throw FleetException.BadRequest("package, advisory, host and label are at most 200 characters");
        }

        if (host is not null && HostNames.Problem(host) is { } problem)
        {
            throw FleetException.BadRequest($"host '{host}': {problem}");
        }

        if (ExpiresAt is { } expires && expires <= now)
        {
            throw FleetException.BadRequest("expiresAt is in the past");
        }

        var name = package is null ? null : PackageName.Normalize(package);
        return new FleetSuppression(0, name == InterpreterPair.DisplayName ? InterpreterPair.Name : name, advisory?.ToUpperInvariant(), host, label, reason, now, ExpiresAt, createdBy);
    }
}
