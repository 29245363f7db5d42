using Pyfleet.Core.Advisories.Matching;
using Pyfleet.Core.Auditing;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Reporting;
using Pyfleet.Core.Tests.Advisories;

namespace Pyfleet.Core.Tests.Reporting;

/// <summary>
/// A real audit (the <see cref="Auditor"/> over OSV records) of two environments on a Debian 12 host: a venv with a
/// vulnerable Django (CVSS 3.1, CWE-89), a suppressed urllib3, a clean six and a dpkg-owned idna, and a requirements
/// file whose pins carry <c>file:line</c> origins — with markup and pipes in the inputs to test escaping.
/// </summary>
internal static class ReportSamples
{
    public static readonly DateTimeOffset Now = new(2026, 8, 22, 10, 0, 0, TimeSpan.Zero);

    public const string Requirements = "/srv/shop/requirements.txt";

    public static AuditDocument Audit(IReadOnlyList<Suppression>? suppressions = null, string? sourceRoot = null)
    {
        var index = AdvisoryIndex.Build([
            OsvTestRecords.PyPI("PYSEC-2024-70", "django", """[{"type":"ECOSYSTEM","events":[{"introduced":"4.2"},{"fixed":"4.2.15"},{"introduced":"5.0"},{"fixed":"5.0.8"}]}]""",
                aliases: """["CVE-2024-42005","GHSA-pv4p-cwwg-4rph"]""",
                extra: "\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}],\"database_specific\":{\"cwe_ids\":[\"CWE-89\"]},"),
            OsvTestRecords.PyPI("GHSA-34jh-p97f-mpxf", "urllib3", """[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.26.19"}]}]""",
                aliases: """["CVE-2024-37891"]""",
                extra: "\"severity\":[{\"type\":\"CVSS_V4\",\"score\":\"CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N\"}],"),
            OsvTestRecords.Parse("""
                {"id":"PYSEC-2099-1","modified":"2024-01-01T00:00:00Z","summary":"<script>alert('x')</script> | `tick` *bold* [link](http://evil.example/a) <img src=//evil.example/i.png>",
                 "affected":[{"package":{"ecosystem":"PyPI","name":"evil-pkg"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}
                """),
        ]);
        var host = new HostInfo { Name = "web-1", Os = new OperatingSystemInfo("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)") };
        var venv = new PythonEnvironment
        {
            Path = "/srv/shop/.venv",
            Kind = EnvironmentKinds.Venv,
            Python = new PythonRuntime("3.11.2"),
            Labels = ["shop", "billing|eu"],
            Packages =
            [
                new() { Name = "django", DisplayName = "Django", Version = "4.2.3", Installer = "pip", Location = "/srv/shop/.venv/lib/python3.11/site-packages/Django-4.2.3.dist-info" },
                new() { Name = "urllib3", Version = "1.26.5", Installer = "pip", Location = "/srv/shop/.venv/lib/python3.11/site-packages/urllib3-1.26.5.dist-info" },
                new() { Name = "six", Version = "1.16.0", Location = "/srv/shop/.venv/lib/python3.11/site-packages/six-1.16.0.dist-info" },
                new() { Name = "idna", Version = "3.3", Inherited = true, Location = "/usr/lib/python3/dist-packages/idna-3.3.egg-info", OsPackage = new OsPackageInfo("dpkg", "python3-idna", "3.3-1+deb12u1", "python-idna") },
                new() { Name = "zope-interface", DisplayName = "zope.interface", Version = "5.0+local.1", Location = "/srv/shop/.venv/lib/python3.11/site-packages/zope.interface-5.0.dist-info" },
            ],
        };
        var declared = new PythonEnvironment
        {
            Path = Requirements,
            Kind = EnvironmentKinds.Requirements,
            Packages =
            [
                new() { Name = "django", DisplayName = "Django", Version = "4.2.3", Specifier = "==4.2.3", Origin = Requirements + ":3", Hashes = ["sha256:" + new string('a', 64)] },
                new() { Name = "evil-pkg", Version = "1.0", Specifier = "==1.0", Origin = Requirements + ":7" },
                new() { Name = "flask", Specifier = ">=2", Origin = Requirements + ":9" },
            ],
        };
        var auditor = new Auditor(index, new AuditOptions { AsOf = Now, Suppressions = suppressions ?? DefaultSuppressions });
        var hostAudit = auditor.Begin(host);
        var environments = new[] { venv, declared }.Select(e => new AuditedEnvironment(hostAudit.Audit(e), e)).ToList();
        return new AuditDocument
        {
            AsOf = Now,
            Timestamp = Now,
            ToolVersion = "0.1.0",
            SerialNumber = new Guid("3e671687-395b-41f5-a30f-a58921a69b79"),
            SourceRoot = sourceRoot,
            Inventories = [new AuditedInventory("/srv", host, environments, hostAudit.Warnings)],
            Lifecycle =
            [
                new LifecycleRow("Python", "3.11.2", new Core.Lifecycle.EolStatus { Product = "python", Cycle = "3.11", EolDate = new DateOnly(2027, 10, 31), DaysLeft = 435 }, "/srv/shop/.venv"),
                new LifecycleRow("django", "4.2.3", new Core.Lifecycle.EolStatus { Product = "django", Cycle = "4.2", EolDate = new DateOnly(2026, 4, 30), IsEol = true, DaysLeft = -114 }, "/srv/shop/.venv"),
            ],
        };
    }

    public static readonly IReadOnlyList<Suppression> DefaultSuppressions =
        [new Suppression("CVE-2024-37891", "not reachable: no proxy use", Package: "urllib3", Expires: new DateOnly(2026, 12, 31), Origin: ".pyfleet.toml:2")];
}
