using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Findings;
using Pyfleet.Server.Api.Internal;

namespace Pyfleet.Server.Api;

/// <summary>
/// Findings endpoints (<c>read</c> scope): <c>/api/v1/findings</c> (the <see cref="FindingsFilter"/> as query
/// parameters, JSON or <c>format=csv</c>), <c>/api/v1/findings/trend</c>, <c>/api/v1/overview</c> and the event
/// outbox <c>/api/v1/events</c>.
/// </summary>
internal static class FindingsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/findings", FindingsAsync);
        api.MapGet("/findings/trend", async (HttpRequest request, FleetService fleet, TimeProvider clock, CancellationToken ct) =>
        {
            await Bearer.AuthenticateAsync(request, fleet, TokenScopes.Read, ct);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var to = Date(request.Query["to"], "to") ?? today;
            var from = Date(request.Query["from"], "from") ?? to.AddDays(-29);
            return Results.Json(new TrendResponse(await fleet.Store.Findings.TrendAsync(from, to, ct)), Core.Fleet.FleetJson.Default.TrendResponse);
        });
        api.MapGet("/overview", async (HttpRequest request, FleetService fleet, TimeProvider clock, FleetServerOptions options, CancellationToken ct) =>
        {
            await Bearer.AuthenticateAsync(request, fleet, TokenScopes.Read, ct);
            var staleAfter = request.Query["staleAfter"].ToString() is { Length: > 0 } text
                ? DurationText.TryParse(text, out var span) ? span : throw FleetException.BadRequest($"staleAfter '{text}' is not a duration such as 2d or 12h")
                : options.StaleAfter;
            return Results.Json(await fleet.Store.Findings.OverviewAsync(clock.GetUtcNow() - staleAfter, clock.GetUtcNow(), ct), Core.Fleet.FleetJson.Default.FleetOverview);
        });
        api.MapGet("/events", async (HttpRequest request, FleetService fleet, CancellationToken ct) =>
        {
            await Bearer.AuthenticateAsync(request, fleet, TokenScopes.Read, ct);
            var limit = Integer(request.Query["limit"], "limit", 1, 1000) ?? 100;
            var events = Integer(request.Query["after"], "after", 0, long.MaxValue) is { } after
                ? await fleet.Store.Events.EventsAfterAsync(after, (int)limit, ct)
                : await fleet.Store.Events.LatestEventsAsync((int)limit, ct);
            return Results.Json(new EventsResponse(events), Core.Fleet.FleetJson.Default.EventsResponse);
        });
    }

    private static async Task<IResult> FindingsAsync(HttpRequest request, FleetService fleet, TimeProvider clock, CancellationToken ct)
    {
        await Bearer.AuthenticateAsync(request, fleet, TokenScopes.Read, ct);
        var filter = Filter(request.Query) with { AsOf = clock.GetUtcNow() };
        var format = request.Query["format"].ToString();
        if (format is not ("" or "json" or "csv"))
        {
            throw FleetException.BadRequest($"format '{format}' is not json or csv");
        }

        var page = await fleet.Store.Findings.FindingsAsync(filter, ct);
        if (format == "csv")
        {
            return Results.Text(FindingsCsv.Write(page.Items), "text/csv; charset=utf-8");
        }

        var data = fleet.Analysis is { } analysis ? (await analysis.CurrentAsync(ct)).Data : null;
        return Results.Json(
            new FindingsResponse(page.Items, page.Total, filter.Offset, filter.Limit, data?.HasAdvisories ?? false, data?.HasLifecycle ?? false, data?.Version ?? ""),
            Core.Fleet.FleetJson.Default.FindingsResponse);
    }

    /// <summary>The filter from query parameters named as <see cref="FindingsFilter"/>'s members in camelCase (plus <c>order=asc|desc</c>).</summary>
    internal static FindingsFilter Filter(IQueryCollection query)
    {
        var order = query["order"].ToString();
        if (order is not ("" or "asc" or "desc"))
        {
            throw FleetException.BadRequest($"order '{order}' is not asc or desc");
        }

        var sort = Text(query, "sort") ?? "severity";
        return new FindingsFilter(
            Severity: Text(query, "severity"),
            Package: Text(query, "package"),
            Host: Text(query, "host"),
            Label: Text(query, "label"),
            EnvironmentKind: Text(query, "environmentKind"),
            Advisory: Text(query, "advisory"),
            Kind: Text(query, "kind"),
            FixAvailable: Flag(query["fixAvailable"], "fixAvailable"),
            IncludeSuppressed: Flag(query["includeSuppressed"], "includeSuppressed") ?? false,
            Sort: sort,
            Descending: order.Length == 0 ? sort is "severity" or "first-seen" : order == "desc",
            Offset: (int)(Integer(query["offset"], "offset", 0, 10_000_000) ?? 0),
            Limit: (int)(Integer(query["limit"], "limit", 1, 10_000) ?? 100));
    }

    private static string? Text(IQueryCollection query, string name) =>
        query[name].ToString() is { Length: > 0 } text ? (text.Length <= 500 ? text : throw FleetException.BadRequest($"{name} is longer than 500 characters")) : null;

    private static bool? Flag(string? text, string name) => text switch
    {
        null or "" => null,
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw FleetException.BadRequest($"{name} '{text}' is not true or false"),
    };

    private static long? Integer(string? text, string name, long min, long max) => string.IsNullOrEmpty(text)
        ? null
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw FleetException.BadRequest($"{name} '{text}' is not a whole number from {min} to {max}");

    private static DateOnly? Date(string? text, string name) => string.IsNullOrEmpty(text)
        ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw FleetException.BadRequest($"{name} '{text}' is not a date (YYYY-MM-DD)");
}
