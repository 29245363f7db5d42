using Pyfleet.Storage.Sqlite;

namespace Pyfleet.Storage.Tests;

public sealed class SqliteMigratorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pyfleet-store-").FullName;

    [Fact]
    public void Open_NewFile_AppliesEveryEmbeddedMigrationOnce()
    {
        var path = Path.Combine(_folder, "a.db");
        var store = SqliteStore.Open(path);
        SqliteStore.Open(path); // second open must not re-apply

        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM schema_migrations";
        var applied = Convert.ToInt32(command.ExecuteScalar());
        Assert.Equal(SqliteMigrator.EmbeddedMigrations().Count(), applied);
        Assert.True(applied >= 1);
    }

    [Fact]
    public void Open_MissingFolder_CreatesIt()
    {
        var path = Path.Combine(_folder, "nested", "deeper", "b.db");
        SqliteStore.Open(path);
        Assert.True(File.Exists(path));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
