using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;

namespace Pyfleet.Cli.Commands.Who;

/// <summary>Writes fleet results as a table (Spectre), JSON (the API's own shapes) or CSV (RFC 4180 quoting).</summary>
internal static class FleetOutput
{
    public static async Task WriteAsync<T>(CliContext context, string format, T value, JsonTypeInfo<T> json, string[] columns, IEnumerable<string?[]> rows)
    {
        switch (format)
        {
            case "json":
                await context.Stdout.WriteLineAsync(JsonSerializer.Serialize(value, json));
                break;
            case "csv":
                await context.Stdout.WriteLineAsync(string.Join(',', columns.Select(Csv)));
                foreach (var row in rows)
                {
                    await context.Stdout.WriteLineAsync(string.Join(',', row.Select(Csv)));
                }

                break;
            default:
                var table = new Table().Border(TableBorder.Simple);
                foreach (var column in columns)
                {
                    table.AddColumn(Markup.Escape(column));
                }

                var count = 0;
                foreach (var row in rows)
                {
                    table.AddRow(row.Select(cell => Markup.Escape(cell ?? "")).ToArray());
                    count++;
                }

                if (count == 0)
                {
                    await context.Stdout.WriteLineAsync("(none)");
                }
                else
                {
                    context.Console.Write(table);
                }

                break;
        }
    }

    public static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    private static string Csv(string? cell)
    {
        var text = cell ?? "";
        if (text.IndexOfAny([',', '"', '\n', '\r']) < 0)
        {
            return text;
        }

        return new StringBuilder("\"").Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }
}
