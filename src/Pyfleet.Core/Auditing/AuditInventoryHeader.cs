using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Auditing;

/// <summary>What an <see cref="IAuditSink"/> is told when an input starts.</summary>
/// <param name="Path">The input as given (a full path, or <c>snapshot:ID</c>).</param>
/// <param name="Host">The host the input describes (its name and OS).</param>
public sealed record AuditInventoryHeader(string Path, HostInfo Host);
