namespace Pyfleet.Core.Inventory;

/// <summary>
/// What one scan saw on one host: the stable <c>scan --format json</c> contract (schemaVersion 1).
/// Also what agents push to a server and what <c>audit</c> accepts as input.
/// </summary>
public sealed record InventoryDocument
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required HostInfo Host { get; init; }
    public required DateTimeOffset ScannedAt { get; init; }
    public IReadOnlyList<PythonEnvironment> Environments { get; init; } = [];
    public IReadOnlyList<ScanWarning> Warnings { get; init; } = [];

    /// <summary>Inputs that could not be read or checked at all (an unreadable folder, a file of unknown format).</summary>
    public IReadOnlyList<InputError> Errors { get; init; } = [];
}
