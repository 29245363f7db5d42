using Pyfleet.Core.Storage;
using Pyfleet.Storage.Tests.Providers;

namespace Pyfleet.Storage.Tests.Migrations;

public sealed class SqliteMigrationTests(SqliteProvider provider) : MigrationTests<SqliteProvider>(provider)
{
    [Fact]
    public async Task Open_MissingFolder_CreatesIt()
    {
        var path = Path.Combine(Provider.Folder, "nested", "deeper", "b.db");

        await OpenAsync(DatabaseLocation.Sqlite(path));

        Assert.True(File.Exists(path));
    }
}
