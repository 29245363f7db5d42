using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests;

namespace Pyfleet.Core.Application.Inputs.Internal;

/// <summary>
/// One manifest given as an input, read by <see cref="ManifestReaders"/> (by name, else by content). The reader's
/// errors (a line pip refuses, a missing include) make the environment "not checked" for what they name; its
/// warnings stay warnings. What could be read is still reported.
/// </summary>
internal static class DeclaredSources
{
    public static InventorySource Read(string path, string physical, InventorySourceOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var read = ManifestReaders.Read(physical, new ManifestReadOptions { GetEnvironment = options.GetEnvironment, WorkingDirectory = options.CurrentDirectory }, cancellationToken);
        var errors = read.Diagnostics.Where(d => d.Severity == ManifestSeverity.Error).Select(d => new InputError(d.Path, d.Line, d.Message)).ToList();
        var warnings = read.Diagnostics.Where(d => d.Severity != ManifestSeverity.Error)
            .Select(d => new ScanWarning(d.Line is { } line ? $"{d.Path}:{line}" : d.Path, d.Message)).ToList();
        var environment = EnvironmentLabeling.Apply(read.Environment, options.Labels);
        if (errors.Count > 0)
        {
            environment = environment with { Errors = [.. environment.Errors, .. errors] };
        }

        return new InventorySource
        {
            Path = path,
            Kind = InventorySourceKind.Manifest,
            Host = new HostInfo { Name = Environment.MachineName },
            ScannedAt = clock.GetUtcNow(),
            Environments = [environment],
            Warnings = warnings,
        };
    }
}
