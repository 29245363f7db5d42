using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Fleet;

namespace Pyfleet.Server.Api.Internal;

/// <summary>
/// Every error as an RFC 9457 problem document (<c>application/problem+json</c>). Expected failures carry their
/// own message; anything else is a 500 (503 when the store is out of space or unreachable) with a generic message
/// and a trace id — the exception is logged on the server, never sent.
/// </summary>
internal static class Problems
{
    public static async Task HandleAsync(HttpContext context, Func<Task> next, ILogger logger)
    {
        try
        {
            await next();
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var (status, title, detail) = Classify(ex);
            if (status >= 500)
            {
                logger.LogError(ex, "{Method} {Path} failed ({Status})", context.Request.Method, context.Request.Path, status);
            }

            context.Response.Clear();
            await WriteAsync(context, status, title, detail);
        }
    }

    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        var problem = new Dictionary<string, object?>
        {
            ["type"] = "about:blank",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["instance"] = context.Request.Path.Value,
            ["traceId"] = context.TraceIdentifier,
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(problem), context.RequestAborted);
    }

    private static (int Status, string Title, string Detail) Classify(Exception ex) => ex switch
    {
        FleetException fleet => (fleet.Status, fleet.Title, fleet.Message),
        PyfleetException pyfleet => (400, "Bad request", pyfleet.Describe()),
        BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == 413 ? "Payload too large" : "Bad request", bad.Message),
        _ when IsOutOfSpace(ex) => (503, "Service unavailable", "the server's store is out of space; retry later"),
        Npgsql.NpgsqlException { IsTransient: true } => (503, "Service unavailable", "the server's store is unavailable; retry later"),
        _ => (500, "Internal server error", "the server failed to handle this request; the error is in its log"),
    };

    private static bool IsOutOfSpace(Exception ex) => ex switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 13, // SQLITE_FULL
        Npgsql.PostgresException postgres => postgres.SqlState is "53100" or "53200", // disk_full, out_of_memory
        IOException io => (io.HResult & 0xFFFF) == 28, // ENOSPC
        _ => ex.InnerException is { } inner && IsOutOfSpace(inner),
    };
}
