using Pyfleet.Core.Inventory;
using Pyfleet.Core.Lifecycle;
using Pyfleet.Core.Releases.Analysis;

namespace Pyfleet.Core.Tests.Reporting;

/// <summary>An <c>outdated</c> result as the service makes it: a security upgrade, a yanked pin, EOL Django and Python, a plain minor upgrade.</summary>
internal static class OutdatedSamples
{
    public static OutdatedResult Result()
    {
        var djangoEol = new EolStatus { Product = "django", Cycle = "3.2", EolDate = new DateOnly(2024, 4, 1), IsEol = true, DaysLeft = -873, LatestInCycle = "3.2.25" };
        var pythonEol = new EolStatus { Product = "python", Cycle = "3.8", EolDate = new DateOnly(2024, 10, 7), IsEol = true, DaysLeft = -684 };
        var requirements = new OutdatedEnvironment("/srv/shop/requirements.txt", EnvironmentKinds.Requirements, "3.8", pythonEol,
        [
            new OutdatedPackage(new UpgradeReport
            {
                Name = "django", Version = "3.2.18", Latest = "5.2.5", LatestInMinor = "3.2.25", LatestInMajor = "3.2.25", Kind = UpgradeKind.Security,
                Recommended = "3.2.19", SecurityFix = "3.2.19", Advisories = [new AffectingAdvisory("PYSEC-2023-100", "Potential <denial> | of service")],
            }, djangoEol, null, "/srv/shop/requirements.txt:4"),
            new OutdatedPackage(new UpgradeReport { Name = "requests", Version = "2.31.0", Latest = "2.32.4", Kind = UpgradeKind.Minor, Recommended = "2.31.0", Yanked = true, YankedReason = "broken wheel" }, null, null, "/srv/shop/requirements.txt:5"),
            new OutdatedPackage(new UpgradeReport { Name = "flask", Kind = UpgradeKind.Unknown, Note = "not pinned" }, null, null, "/srv/shop/requirements.txt:6"),
        ]);
        var system = new OutdatedEnvironment("/usr", EnvironmentKinds.System, "3.11.2", new EolStatus { Product = "python", Cycle = "3.11", EolDate = new DateOnly(2027, 10, 31) },
        [
            new OutdatedPackage(new UpgradeReport { Name = "idna", Version = "3.3", Latest = "3.10", Kind = UpgradeKind.Minor, Recommended = "3.3" }, null,
                new OsPackageInfo("dpkg", "python3-idna", "3.3-1+deb12u1", "python-idna"), null),
        ]);
        return new OutdatedResult(new DateOnly(2026, 8, 22), "debian 12", new EolStatus { Product = "debian", Cycle = "12", EolDate = new DateOnly(2026, 6, 10), IsEol = true }, [requirements, system], ["index unreachable: cache used"]);
    }
}
