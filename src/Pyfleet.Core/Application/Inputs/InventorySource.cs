using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Application.Inputs;

/// <summary>
/// One resolved input: where it came from, the host it describes, its environments (read lazily for an inventory
/// document: enumerate them once), and what could not be read (<see cref="Errors"/>: the input is then "not checked"
/// for that, and the run exits 2). Dispose it when done (an inventory document is a mapped file).
/// </summary>
public sealed record InventorySource : IDisposable
{
    /// <summary>The input as the user gave it, made absolute (or <c>snapshot:ID</c>, or <c>system</c>).</summary>
    public required string Path { get; init; }

    public required InventorySourceKind Kind { get; init; }

    public required HostInfo Host { get; init; }

    public DateTimeOffset ScannedAt { get; init; }

    public IEnumerable<PythonEnvironment> Environments { get; init; } = [];

    /// <summary>Problems that do not make a verdict incomplete.</summary>
    public IReadOnlyList<ScanWarning> Warnings { get; init; } = [];

    /// <summary>What of this input itself could not be read or checked (its environments carry their own).</summary>
    public IReadOnlyList<InputError> Errors { get; init; } = [];

    /// <summary>What the environments are read from (a mapped file), released by <see cref="Dispose"/>.</summary>
    public IDisposable? Resource { get; init; }

    /// <summary>The whole input as one document (reads every environment now).</summary>
    public InventoryDocument ToDocument() => new()
    {
        Host = Host,
        ScannedAt = ScannedAt,
        Environments = [.. Environments],
        Warnings = Warnings,
        Errors = Errors,
    };

    public void Dispose() => Resource?.Dispose();
}
