using System.Text.Json;
using Npgsql;
using Pyfleet.Cli.Tests.Outdated;
using Pyfleet.Cli.Tests.Support;
using Pyfleet.Testing.Data;
using Pyfleet.Testing.Postgres;

namespace Pyfleet.Cli.Tests.Storage;

/// <summary>
/// Every command family that uses the store, unchanged, with <c>PYFLEET_DATABASE=postgresql://…</c> against the
/// test PostgreSQL (<c>PYFLEET_TEST_POSTGRES</c>; without it these tests fail). Each test gets its own database, and
/// no SQLite file may appear in the data folder.
/// </summary>
public sealed class PostgresCommandTests(ReleaseFixture releases) : IClassFixture<ReleaseFixture>, IAsyncLifetime
{
    private static readonly string DjangoAdvisories = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Advisories", "django-3.2.12.zip");
    private readonly CliRunner _cli = new();
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync("storage_cli");
        _cli.WithEnvironment("PYFLEET_DATABASE", _database.Url);
    }

    public async Task DisposeAsync()
    {
        Assert.False(File.Exists(Path.Combine(_cli.Home, "pyfleet.db")), "a command wrote the SQLite store although PYFLEET_DATABASE names PostgreSQL");
        _cli.Dispose();
        NpgsqlConnection.ClearAllPools();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Sync_LocalExport_StoresTheAdvisoriesInPostgres()
    {
        var result = await _cli.RunAsync("sync", "--source", SharedData.OsvPyPIZip);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2661 advisories stored", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(2661L, await ScalarAsync("SELECT count(*) FROM advisory_record"));
    }

    [Fact]
    public async Task Audit_FirstRunSyncsIntoPostgresThenAuditsOffline()
    {
        _cli.WithEnvironment("PYFLEET_OSV_SOURCE", SharedData.OsvPyPIZip);
        var inventory = Audit.AuditCommandTests.WriteInventory(_cli.Home, ("urllib3", "1.26.12"));

        var first = await _cli.RunAsync("audit", inventory, "--offline", "--format", "json");
        var second = await _cli.RunAsync("audit", inventory, "--offline", "--format", "json");

        Assert.Equal((1, 1), (first.ExitCode, second.ExitCode));
        Assert.Contains("syncing it first", first.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("syncing it first", second.Stderr, StringComparison.Ordinal);
        Assert.Contains("PYSEC-2023-192", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Fact]
    public async Task Scan_SnapshotsStoredListedShownAndAudited()
    {
        var tree = Directory.CreateTempSubdirectory("pyfleet-pg-scan-").FullName;
        var site = Path.Combine(tree, "srv/app/.venv/lib/python3.11/site-packages/urllib3-1.26.12.dist-info");
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(tree, "srv/app/.venv/pyvenv.cfg"), "home = /usr/bin\nversion = 3.11.7\n");
        File.WriteAllText(Path.Combine(site, "METADATA"), "Metadata-Version: 2.1\nName: urllib3\nVersion: 1.26.12\n\n");
        _cli.CurrentDirectory = tree;
        _cli.WithEnvironment("PYFLEET_OSV_SOURCE", SharedData.OsvPyPIZip);

        var scanned = await _cli.RunAsync("scan", "srv", "--format", "json");
        var list = await _cli.RunAsync("scan", "--list-snapshots", "--format", "json");
        var shown = await _cli.RunAsync("scan", "--snapshot", "1", "--format", "json");
        var audit = await _cli.RunAsync("audit", "snapshot:1", "--offline", "--format", "json");

        Assert.Equal((0, 0, 0, 1), (scanned.ExitCode, list.ExitCode, shown.ExitCode, audit.ExitCode));
        Assert.Equal([1L], JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetInt64()));
        Assert.Equal(scanned.Stdout, shown.Stdout);
        Assert.Contains("PYSEC-2023-192", audit.Stdout, StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM snapshots"));
        Directory.Delete(tree, recursive: true);
    }

    [Fact]
    public async Task Outdated_AfterSyncIntoPostgres_ClassesTheSecurityUpgrade()
    {
        Assert.Equal(0, (await _cli.RunAsync("sync", "--source", DjangoAdvisories)).ExitCode);
        var file = Path.Combine(_cli.Home, "requirements.txt");
        File.WriteAllText(file, "Django==3.2.12\n");

        var result = await _cli.RunAsync(["outdated", file, "--python", "3.8.10", "--format", "json", .. releases.Options]);

        var django = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("environments")[0].GetProperty("packages")[0];
        Assert.Equal(("security", "3.2.25"), (django.GetProperty("upgradeKind").GetString(), django.GetProperty("recommended").GetString()));
    }

    [Fact]
    public async Task Home_PostgresWithPassword_ShowsTheStoreRedactedAndWhereItCameFrom()
    {
        // (The test server trusts local connections: the password is sent and ignored.)
        var url = _database.Url.Replace("postgresql://postgres@", "postgresql://postgres:hunter2@", StringComparison.Ordinal);
        _cli.WithEnvironment("PYFLEET_DATABASE", url);

        var result = await _cli.RunAsync("home");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"store:  {url.Replace("hunter2", "****", StringComparison.Ordinal)} (PYFLEET_DATABASE)", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.True(await ScalarAsync("SELECT count(*) FROM schema_migrations") is long applied && applied >= 2);
    }

    [Fact]
    public async Task DatabaseOption_OverridesTheVariableAndWarnsAboutAPasswordOnTheCommandLine()
    {
        _cli.WithEnvironment("PYFLEET_DATABASE", "postgresql://nobody@127.0.0.1:1/nothing");
        var url = _database.Url.Replace("postgresql://postgres@", "postgresql://postgres:hunter2@", StringComparison.Ordinal);

        var result = await _cli.RunAsync("home", "--database", url);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(--database)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("warning: --database carries a password", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_UnreachableDatabase_IsAnInputErrorWithoutThePassword()
    {
        _cli.WithEnvironment("PYFLEET_DATABASE", "postgresql://app:hunter2@127.0.0.1:1/fleet?connect_timeout=5");

        var result = await _cli.RunAsync("scan", "--list-snapshots");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("postgresql://app:****@127.0.0.1:1/fleet?connect_timeout=5: cannot open the store", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
