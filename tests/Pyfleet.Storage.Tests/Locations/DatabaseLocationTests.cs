using Npgsql;
using Pyfleet.Core.Configuration;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Storage;

namespace Pyfleet.Storage.Tests.Locations;

/// <summary>
/// Which store a command uses, and how it is shown. The Npgsql strings made from URLs are read back with Npgsql's
/// own builder, so a keyword it does not know fails here rather than at a user's first connection.
/// </summary>
public sealed class DatabaseLocationTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("pyfleet-location-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public void Parse_LibpqUrlWithEveryPart_GivesTheSameConnectionAndHidesThePassword()
    {
        var location = DatabaseLocation.Parse("postgresql://fleet%2Dapp:s%40cr%3Ab%2Ft@db.internal:5433/py%20fleet?sslmode=verify-full&application_name=web&connect_timeout=7", _home);

        var settings = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        Assert.Equal(DatabaseEngine.Postgres, location.Engine);
        Assert.Equal(("db.internal", 5433, "py fleet", "fleet-app", "s@cr:b/t"), (settings.Host, settings.Port, settings.Database, settings.Username, settings.Password));
        Assert.Equal((SslMode.VerifyFull, "web", 7), (settings.SslMode, settings.ApplicationName, settings.Timeout));
        Assert.Equal("postgresql://fleet%2Dapp:****@db.internal:5433/py%20fleet?sslmode=verify-full&application_name=web&connect_timeout=7", location.ToString());
        Assert.True(location.HasPassword);
    }

    [Theory]
    [InlineData("postgres://u@localhost/db", "localhost", "db")]
    [InlineData("POSTGRESQL://u@localhost:5432/db", "localhost", "db")]
    [InlineData("postgresql://u@[::1]:6543/db", "::1", "db")]
    [InlineData("postgresql:///db?host=%2Fvar%2Frun%2Fpostgresql", "/var/run/postgresql", "db")]
    [InlineData("postgresql://u@h1:5432,h2:5433/db", "h1:5432,h2:5433", "db")]
    public void Parse_UrlForms_HostAndDatabase(string url, string host, string database)
    {
        var settings = new NpgsqlConnectionStringBuilder(DatabaseLocation.Parse(url, _home).ConnectionString);

        Assert.Equal((host, database), (settings.Host, settings.Database));
    }

    [Fact]
    public void Parse_PasswordAsQueryParameter_IsHiddenToo()
    {
        var location = DatabaseLocation.Parse("postgresql://u@h/db?password=hunter2&sslmode=require", _home);

        Assert.Equal("hunter2", new NpgsqlConnectionStringBuilder(location.ConnectionString).Password);
        Assert.Equal("postgresql://u@h/db?password=****&sslmode=require", location.ToString());
    }

    [Theory]
    [InlineData("postgresql://u:hunter2@h/db?sslmod=require", "unknown parameter 'sslmod'")]
    [InlineData("postgresql://u:hunter2@h/db?sslmode=sometimes", "sslmode must be one of")]
    [InlineData("postgresql://u:hunter2@h:port/db", "port must be a number")]
    [InlineData("postgresql://u:hunter%2@h/db", "invalid percent-encoding")]
    [InlineData("postgresql://u:hunter2@[::1/db", "closing ']'")]
    public void Parse_BadUrl_IsAnErrorWithoutThePassword(string url, string expected)
    {
        var error = Assert.Throws<PyfleetException>(() => DatabaseLocation.Parse(url, _home, "PYFLEET_DATABASE"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("PYFLEET_DATABASE: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter", error.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NpgsqlKeyValueString_KeptAndPasswordHidden()
    {
        var location = DatabaseLocation.Parse("Host=db;Port=5433;Username=app;Password='hun;ter2';Database=fleet", _home);

        var settings = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        Assert.Equal(("db", "hun;ter2"), (settings.Host, settings.Password));
        Assert.Contains("password=****", location.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hun", location.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedKeyValueString_IsAnErrorWithoutTheText()
    {
        var error = Assert.Throws<PyfleetException>(() => DatabaseLocation.Parse("Host=db;Password='hunter2", _home));

        Assert.DoesNotContain("hunter2", error.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("store.db")]
    [InlineData("sqlite:store.db")]
    [InlineData("./data/../store.db")]
    public void Parse_PathForms_AreASqliteFileUnderTheBaseFolder(string text)
    {
        var location = DatabaseLocation.Parse(text, _home);

        Assert.Equal((DatabaseEngine.Sqlite, Path.Combine(_home, "store.db")), (location.Engine, location.SqlitePath));
        Assert.Equal(Path.Combine(_home, "store.db"), location.ToString());
        Assert.False(location.HasPassword);
        Assert.True(location.IsMissingFile);
    }

    [Fact]
    public void Parse_PathContainingEquals_IsStillAFile()
    {
        Assert.Equal(DatabaseEngine.Sqlite, DatabaseLocation.Parse("data/a=b.db", _home).Engine);
    }

    [Fact]
    public void Resolve_Nothing_IsPyfleetDbInTheDataFolder()
    {
        var location = Resolve(null, []);

        Assert.Equal((Path.Combine(_home, "pyfleet.db"), "default"), (location.SqlitePath, location.Origin));
    }

    [Fact]
    public void Resolve_OptionThenVariableThenConfig_FirstOneWins()
    {
        File.WriteAllText(Path.Combine(_home, "config.toml"), "[database]\nurl = \"from-config.db\"\n");
        var variable = new Dictionary<string, string> { ["PYFLEET_DATABASE"] = "postgresql://u@env-host/db" };

        Assert.Equal(Path.Combine(_home, "from-config.db"), Resolve(null, []).SqlitePath); // relative to the data folder
        Assert.Equal("postgresql://u@env-host/db", Resolve(null, variable).ToString());
        Assert.Equal("PYFLEET_DATABASE", Resolve(null, variable).Origin);
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "cli.db"), Resolve("cli.db", variable).SqlitePath);
        Assert.Equal("--database", Resolve("cli.db", variable).Origin);
    }

    [Fact]
    public void Resolve_ConfigKeyVariable_OverridesTheFile()
    {
        File.WriteAllText(Path.Combine(_home, "config.toml"), "[database]\nurl = \"from-config.db\"\n");

        var location = Resolve(null, new Dictionary<string, string> { ["PYFLEET_DATABASE_URL"] = "Host=db;Database=x" });

        Assert.Equal(DatabaseEngine.Postgres, location.Engine);
    }

    [Fact]
    public void Parse_Empty_IsAnError()
    {
        Assert.Throws<PyfleetException>(() => DatabaseLocation.Parse("  ", _home));
    }

    private DatabaseLocation Resolve(string? option, Dictionary<string, string> environment)
    {
        var home = new PyfleetHome(_home);
        string? Get(string name) => environment.GetValueOrDefault(name);
        return DatabaseLocation.Resolve(option, Get, PyfleetConfig.Load(home, Get), home, Environment.CurrentDirectory);
    }
}
