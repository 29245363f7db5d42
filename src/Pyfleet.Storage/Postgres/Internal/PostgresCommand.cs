using Npgsql;

namespace Pyfleet.Storage.Postgres.Internal;

/// <summary>Commands with positional parameters (<c>$1</c>, <c>$2</c>…), nulls sent as SQL NULL.</summary>
internal static class PostgresCommand
{
    public static NpgsqlCommand Create(NpgsqlConnection connection, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = Create(connection, sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>timestamptz takes UTC only (Npgsql refuses another offset rather than guess).</summary>
    public static DateTimeOffset? Utc(DateTimeOffset? value) => value?.ToUniversalTime();
}
