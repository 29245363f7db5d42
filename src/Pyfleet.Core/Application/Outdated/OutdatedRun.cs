using Pyfleet.Core.Application.Inputs;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Releases.Analysis;

namespace Pyfleet.Core.Application.Outdated;

/// <summary>
/// One <c>outdated</c> run: the inputs resolved as for every command, analysed by <see cref="OutdatedService"/>,
/// filtered to the kinds asked for. What could not be read or checked (an input, a project the index did not
/// answer for) is in <see cref="OutdatedResult.Errors"/>: the run is then "not checked" for that.
/// </summary>
public sealed class OutdatedRun(InventorySourceResolver resolver)
{
    public async Task<OutdatedResult> RunAsync(OutdatedRunRequest request, OutdatedService service, CancellationToken cancellationToken = default)
    {
        var inventory = Inventory(resolver.Resolve(request.Inputs, request.InputOptions, cancellationToken), request.Python);
        var result = await service.AnalyzeAsync(inventory, cancellationToken);
        var environmentErrors = inventory.Environments.SelectMany(e => e.Errors);
        return result with
        {
            Environments = [.. result.Environments.Select(e => e with { Packages = [.. e.Packages.Where(p => request.Kind is null || p.Report.Kind == request.Kind)] })],
            Warnings = [.. inventory.Warnings.Select(w => $"{w.Path}: {w.Message}"), .. result.Warnings],
            Errors = [.. inventory.Errors, .. environmentErrors, .. result.Errors],
            Host = inventory.Host,
        };
    }

    /// <summary>True when something is worth acting on: EOL Python, a security upgrade, a yanked install, an EOL package.</summary>
    public static bool HasFindings(OutdatedResult result) =>
        result.Environments.Any(e => (e.PythonEol?.EffectiveEol ?? false)
            || e.Packages.Any(p => p.Report.Kind == UpgradeKind.Security || p.Report.Yanked || (p.Eol?.EffectiveEol ?? false)));

    private static InventoryDocument Inventory(IReadOnlyList<InventorySource> sources, string? python)
    {
        var documents = sources.Select(s =>
        {
            using (s)
            {
                return s.ToDocument();
            }
        }).ToList();
        var readable = documents.FirstOrDefault(d => d.Environments.Count > 0) ?? documents[0];
        return new InventoryDocument
        {
            Host = readable.Host,
            ScannedAt = readable.ScannedAt,
            Environments = [.. documents.SelectMany(d => d.Environments).Select(e => python is null || e.Python is not null ? e : e with { Python = new PythonRuntime(python) })],
            Warnings = [.. documents.SelectMany(d => d.Warnings)],
            Errors = [.. documents.SelectMany(d => d.Errors)],
        };
    }
}
