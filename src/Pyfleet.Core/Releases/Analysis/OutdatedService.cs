using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Lifecycle;

namespace Pyfleet.Core.Releases.Analysis;

/// <summary>
/// Runs the release and lifecycle questions over an inventory: fetches every distinct project once (bounded
/// parallel), analyses each package against its environment's Python, and looks up EOL for packages, each
/// environment's Python and the host OS. Distribution-managed packages (dpkg) are judged by the distribution's
/// support, with upstream EOL reported beside it.
/// </summary>
public sealed class OutdatedService(ReleaseClient releases, UpgradeAnalyzer analyzer, EolClient? eol, EolEvaluator evaluator, EolProductMap? map = null)
{
    private readonly EolProductMap _map = map ?? EolProductMap.Default;
    private readonly List<string> _eolWarnings = [];

    /// <summary>Analyses <paramref name="inventory"/>.</summary>
    public async Task<OutdatedResult> AnalyzeAsync(InventoryDocument inventory, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var names = inventory.Environments.SelectMany(e => e.Packages).Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
        var projects = new Dictionary<string, ProjectReleases>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (name, ct) =>
        {
            ProjectReleases project;
            try
            {
                project = await releases.GetAsync(name, ct);
            }
            catch (PyfleetException ex)
            {
                lock (warnings)
                {
                    warnings.Add($"{name}: {ex.Describe()}");
                }

                project = ProjectReleases.Unavailable(name, ex.Message);
            }

            lock (projects)
            {
                projects[Packaging.Names.PackageName.Normalize(name)] = project;
            }
        });

        var os = inventory.Host.Os;
        var distribution = os is null || eol is null ? null : await DistributionAsync(os, cancellationToken);
        EolStatus? hostEol = null;
        if (os is not null && eol is not null && EolProductMap.ProductForOs(os.Id) is { } osProduct && os.VersionId is not null
            && await ProductAsync(osProduct, cancellationToken) is { } osEol)
        {
            hostEol = evaluator.Evaluate(osEol, os.VersionId) with { Distribution = distribution }; // judged like the packages it ships
        }

        // Fleets repeat themselves: the same (project, version, Python) is analysed once per run.
        var memo = new Dictionary<(string, string?, string?), UpgradeReport>();
        var environments = new List<OutdatedEnvironment>();
        foreach (var environment in inventory.Environments)
        {
            var python = environment.Python?.Version;
            EolStatus? pythonEol = null;
            if (python is not null && eol is not null && EolProductMap.ProductForPython(environment.Python!.Implementation) is { } pyProduct
                && await ProductAsync(pyProduct, cancellationToken) is { } pythonProduct)
            {
                pythonEol = evaluator.Evaluate(pythonProduct, python);
                if (environment.Kind == EnvironmentKinds.System && distribution is not null)
                {
                    pythonEol = pythonEol with { Distribution = distribution };
                }
            }

            var packages = new List<OutdatedPackage>();
            foreach (var package in environment.Packages)
            {
                var project = projects.GetValueOrDefault(package.Name) ?? ProjectReleases.NotFound(package.Name);
                if (!memo.TryGetValue((package.Name, package.Version, python), out var report))
                {
                    report = analyzer.Analyze(project, package.Version, python, AsOfInstant);
                    memo[(package.Name, package.Version, python)] = report;
                }

                var status = await PackageEolAsync(package, distribution, cancellationToken);
                packages.Add(new OutdatedPackage(report, status, package.OsPackage, package.Origin));
            }

            environments.Add(new OutdatedEnvironment(environment.Path, environment.Kind, python, pythonEol, packages));
        }

        warnings.AddRange(_eolWarnings);
        return new OutdatedResult(evaluator.AsOf, os?.PrettyName ?? (os is null ? null : $"{os.Id} {os.VersionId}"), hostEol, environments, warnings);
    }

    private DateTimeOffset AsOfInstant => new(evaluator.AsOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private async Task<EolStatus?> PackageEolAsync(InventoryPackage package, DistributionSupport? distribution, CancellationToken cancellationToken)
    {
        if (eol is null || package.Version is null)
        {
            return null;
        }

        var osManaged = package.OsPackage?.Manager == "dpkg" && distribution is not null;
        EolStatus? status = null;
        if (_map.ProductFor(package.Name) is { } product && await ProductAsync(product, cancellationToken) is { } upstream)
        {
            status = evaluator.Evaluate(upstream, package.Version);
        }

        if (osManaged)
        {
            status = (status ?? new EolStatus { Product = _map.ProductFor(package.Name) ?? package.Name }) with { Distribution = distribution };
        }

        return status;
    }

    private async Task<DistributionSupport?> DistributionAsync(OperatingSystemInfo os, CancellationToken cancellationToken)
    {
        if (EolProductMap.ProductForOs(os.Id) is not { } product || os.VersionId is null)
        {
            return null;
        }

        var distribution = await ProductAsync(product, cancellationToken);
        return distribution is null ? null : evaluator.EvaluateDistribution(distribution, os.VersionId);
    }

    /// <summary>
    /// One endoflife.date product; when it cannot be had (offline cache miss, network down) the run goes on without
    /// it and says so once per product — release data is still worth reporting.
    /// </summary>
    private async Task<EolProduct?> ProductAsync(string product, CancellationToken cancellationToken)
    {
        try
        {
            return await eol!.GetProductAsync(product, cancellationToken);
        }
        catch (PyfleetException ex)
        {
            lock (_eolWarnings)
            {
                var warning = $"end-of-life data for '{product}' unavailable: {ex.Describe()}";
                if (!_eolWarnings.Contains(warning))
                {
                    _eolWarnings.Add(warning);
                }
            }

            return null;
        }
    }
}
