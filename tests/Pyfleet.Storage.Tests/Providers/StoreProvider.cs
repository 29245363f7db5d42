using System.Data.Common;
using Pyfleet.Core.Storage;

namespace Pyfleet.Storage.Tests.Providers;

/// <summary>
/// One engine for the shared store suite (the pattern of DapperLib/Dapper <c>tests/Dapper.Tests/Providers/</c>): each
/// test class of the suite has one subclass per provider. A provider is the class fixture; it hands every test a
/// fresh, empty store location and raw SQL access to it for the tests that damage rows on purpose.
/// </summary>
public abstract class StoreProvider
{
    /// <summary>The engine's migration folder (<c>Sqlite</c>, <c>Postgres</c>).</summary>
    public abstract string EngineFolder { get; }

    /// <summary>A new empty store location, not opened yet.</summary>
    public abstract Task<DatabaseLocation> CreateLocationAsync();

    /// <summary>A raw open connection to <paramref name="location"/>.</summary>
    public abstract Task<DbConnection> ConnectAsync(DatabaseLocation location);

    /// <summary>Runs <paramref name="sql"/> (parameters as <c>@name</c>, which both engines understand).</summary>
    public async Task<object?> ScalarAsync(DatabaseLocation location, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await ConnectAsync(location);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteScalarAsync();
    }

    public async Task<long> CountAsync(DatabaseLocation location, string table) =>
        Convert.ToInt64(await ScalarAsync(location, $"SELECT count(*) FROM {table}"), System.Globalization.CultureInfo.InvariantCulture);
}
