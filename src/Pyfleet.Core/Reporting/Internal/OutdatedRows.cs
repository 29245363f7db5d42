using Pyfleet.Core.Releases.Analysis;

namespace Pyfleet.Core.Reporting.Internal;

/// <summary>What the HTML and Markdown <c>outdated</c> reports list: the upgrades, most pressing first, and the EOL rows.</summary>
internal static class OutdatedRows
{
    public sealed record Upgrade(OutdatedEnvironment Environment, OutdatedPackage Package);

    public static List<Upgrade> Upgrades(OutdatedResult result) =>
    [
        .. result.Environments.SelectMany(e => e.Packages.Select(p => new Upgrade(e, p)))
            .Where(u => u.Package.Report.Kind is not UpgradeKind.None || u.Package.Report.Yanked)
            .OrderBy(u => Rank(u.Package))
            .ThenBy(u => u.Package.Report.Name, StringComparer.Ordinal),
    ];

    public static List<LifecycleRow> Lifecycle(OutdatedResult result)
    {
        var rows = new List<LifecycleRow>();
        if (result.HostOsEol is { } os)
        {
            rows.Add(new LifecycleRow(result.HostOs ?? os.Product, null, os, "host"));
        }

        foreach (var environment in result.Environments)
        {
            if (environment.PythonEol is { } python)
            {
                rows.Add(new LifecycleRow("Python", environment.PythonVersion, python, environment.Path));
            }

            rows.AddRange(environment.Packages.Where(p => p.Eol is not null).Select(p => new LifecycleRow(p.Report.Name, p.Report.Version, p.Eol!, environment.Path)));
        }

        return rows;
    }

    public static string Kind(OutdatedPackage package) =>
        package.Report.Yanked && package.Report.Kind is not UpgradeKind.Security ? $"yanked, {package.Report.Kind.ToString().ToLowerInvariant()}" : package.Report.Kind.ToString().ToLowerInvariant();

    private static int Rank(OutdatedPackage package) => package.Report.Kind switch
    {
        UpgradeKind.Security => 0,
        _ when package.Report.Yanked => 1,
        UpgradeKind.Major => 2,
        UpgradeKind.Minor => 3,
        UpgradeKind.Patch => 4,
        _ => 5,
    };
}
