using Pyfleet.Core.Auditing;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary>What the auditing stage hands to the writing stage, in order.</summary>
internal abstract record AuditStep
{
    private AuditStep()
    {
    }

    /// <summary>An input starts.</summary>
    public sealed record Begin(AuditInput Input) : AuditStep;

    /// <summary>One environment, audited.</summary>
    public sealed record Environment(EnvironmentAudit Audit, PythonEnvironment Inventory) : AuditStep;

    /// <summary>An input is done, with what its audit warned about.</summary>
    public sealed record End(AuditInput Input, IReadOnlyList<string> Warnings) : AuditStep;
}
