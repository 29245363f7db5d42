using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Pyfleet.Core.Fleet;
using Pyfleet.Dashboard.Pages.Shared;

namespace Pyfleet.Dashboard.Access;

/// <summary>
/// Runs before every page handler: security headers; the token from <c>Authorization: Bearer</c> or the login
/// cookie, checked by <see cref="FleetService.AuthenticateAsync"/> (<c>read</c>, or <c>admin</c> for
/// <see cref="AdminPageAttribute"/> pages); no credential → redirect to <c>/login</c>; anti-forgery on every
/// unsafe request that a browser could be tricked into sending (cookie or anonymous); and a
/// <see cref="FleetException"/> from the handler as an HTML problem page with its status.
/// </summary>
internal sealed class DashboardAccessFilter(FleetService fleet, IAntiforgery antiforgery) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        SecurityHeaders.Apply(http.Response);
        var metadata = context.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<AnonymousPageAttribute>().Any();
        var admin = metadata.OfType<AdminPageAttribute>().Any();
        var bearer = Bearer(http.Request);
        var secret = bearer ?? SessionCookie.Read(http.Request);
        if (secret is not null)
        {
            try
            {
                var token = await fleet.AuthenticateAsync(secret, TokenScopes.Read, http.RequestAborted);
                http.Features.Set(new DashboardSession(token, bearer is null));
                if (admin && !TokenScopes.Allows(token.Scope, TokenScopes.Admin))
                {
                    context.Result = ProblemView.Result(http, 403, "Forbidden", "This page needs an admin token. You are signed in with a token that may only read.");
                    return;
                }
            }
            catch (FleetException ex) when (!anonymous)
            {
                context.Result = Refused(http, ex, bearer is null);
                return;
            }
            catch (FleetException)
            {
                // The login page stays reachable with a stale cookie.
            }
        }
        else if (!anonymous)
        {
            context.Result = new RedirectResult("/login?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
            return;
        }

        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && bearer is null
            && !await antiforgery.IsRequestValidAsync(http))
        {
            context.Result = ProblemView.Result(http, 400, "Form expired", "The form was not sent from this dashboard or has expired. Go back, reload the page and try again.");
            return;
        }

        var executed = await next();
        if (executed.Exception is FleetException failure && !executed.ExceptionHandled)
        {
            executed.Result = ProblemView.Result(http, failure.Status, failure.Title, failure.Message);
            executed.ExceptionHandled = true;
        }
    }

    private static IActionResult Refused(HttpContext http, FleetException failure, bool fromCookie)
    {
        if (fromCookie && failure.Status == StatusCodes.Status401Unauthorized)
        {
            SessionCookie.Delete(http.Response);
            return new RedirectResult("/login?expired=1&returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
        }

        var detail = failure.Status == StatusCodes.Status403Forbidden
            ? "This token may not open the dashboard: use a token of scope read or admin."
            : failure.Message;
        return ProblemView.Result(http, failure.Status, failure.Title, detail);
    }

    private static string? Bearer(HttpRequest request) => TokenSecret.FromBearerHeader(request.Headers.Authorization.ToString());
}
