using Xunit;

namespace Pyfleet.Testing.Postgres;

/// <summary>
/// A class fixture (<c>IClassFixture&lt;PostgresDatabaseFixture&gt;</c>): one database for the test class, created
/// before its first test and dropped after its last. Fails every test of the class when
/// <see cref="PostgresServer.EnvironmentVariable"/> is missing or the server cannot be reached.
/// </summary>
public class PostgresDatabaseFixture : IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    /// <summary>Prefix of the database name (the dev server is shared: it says who made it).</summary>
    protected virtual string Prefix => "pyfleet_test";

    /// <summary>The class's database.</summary>
    public PostgresTestDatabase Database => _database ?? throw new InvalidOperationException("the fixture is not initialised");

    public async Task InitializeAsync() => _database = await PostgresServer.CreateDatabaseAsync(Prefix);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
