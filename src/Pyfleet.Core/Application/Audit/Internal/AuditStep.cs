using Pyfleet.Core.Application.Inputs;
using Pyfleet.Core.Auditing;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Application.Audit.Internal;

/// <summary>What the auditing stage hands to the writing stage, in order.</summary>
internal abstract record AuditStep
{
    private AuditStep()
    {
    }

    /// <summary>An input starts.</summary>
    public sealed record Begin(InventorySource Input) : AuditStep;

    /// <summary>One environment, audited.</summary>
    public sealed record Environment(EnvironmentAudit Audit, PythonEnvironment Inventory) : AuditStep;

    /// <summary>An input is done, with what its audit warned about and what of it could not be read.</summary>
    public sealed record End(InventorySource Input, IReadOnlyList<string> Warnings, IReadOnlyList<Inventory.InputError> Errors) : AuditStep;
}
