using Npgsql;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Storage;
using Pyfleet.Storage.Postgres;
using Pyfleet.Storage.Tests.Providers;

namespace Pyfleet.Storage.Tests.Migrations;

public sealed class PostgresMigrationTests(PostgresProvider provider) : MigrationTests<PostgresProvider>(provider)
{
    [Fact]
    public async Task Open_WhileAnotherServerHoldsTheMigrationLock_WaitsForIt()
    {
        var location = await Provider.CreateLocationAsync();
        await using var other = new NpgsqlConnection(Provider.Database.ConnectionString);
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgresMigrator.LockKey})", other))
        {
            await take.ExecuteNonQueryAsync();
        }

        var opening = OpenAsync(location);
        await Task.WhenAny(opening, Task.Delay(TimeSpan.FromMilliseconds(500)));
        Assert.False(opening.IsCompleted, "the store migrated while another session held the migration lock");
        Assert.Equal(0L, await Provider.ScalarAsync(location, "SELECT count(*) FROM pg_tables WHERE tablename = 'snapshots' AND schemaname = current_schema()"));

        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgresMigrator.LockKey})", other))
        {
            await release.ExecuteNonQueryAsync();
        }

        var store = await opening;
        Assert.Empty(await store.Advisories.GetSourcesAsync());
    }

    [Fact]
    public async Task Open_UnreachableServer_IsAStoreErrorThatHidesThePassword()
    {
        var location = DatabaseLocation.Parse("postgresql://pyfleet:hunter2@127.0.0.1:1/pyfleet?connect_timeout=5", Environment.CurrentDirectory);

        var error = await Assert.ThrowsAsync<PyfleetException>(() => PostgresStore.OpenAsync(location));

        Assert.Contains("cannot open the store", error.Message, StringComparison.Ordinal);
        Assert.Equal("postgresql://pyfleet:****@127.0.0.1:1/pyfleet?connect_timeout=5", error.Path);
        Assert.DoesNotContain("hunter2", error.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_DatabaseThatDoesNotExist_SaysSo()
    {
        var builder = new NpgsqlConnectionStringBuilder(Provider.Database.ConnectionString) { Database = Provider.Database.Name + "_missing" };

        var error = await Assert.ThrowsAsync<PyfleetException>(() => PostgresStore.OpenAsync(DatabaseLocation.Parse(builder.ConnectionString, Environment.CurrentDirectory)));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }
}
