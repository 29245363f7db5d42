using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Auditing;

/// <summary>
/// The end of one input: warnings (the verdict stands) and <see cref="Errors"/>, what could not be read or checked
/// (the input is "not checked" for what they name, and the run exits 2).
/// </summary>
public sealed record AuditInventoryOutcome(IReadOnlyList<string> Warnings, IReadOnlyList<InputError> Errors)
{
    /// <summary>True when something in the input could not be checked (here or on one of its environments).</summary>
    public bool NotChecked { get; init; }
}
