using Pyfleet.Core.Auditing;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Reporting;

/// <summary>One environment as audited, with the inventory it came from (every package, not only vulnerable ones) when known.</summary>
public sealed record AuditedEnvironment(EnvironmentAudit Audit, PythonEnvironment? Inventory = null);
