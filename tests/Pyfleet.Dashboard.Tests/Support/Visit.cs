using Microsoft.Playwright;

namespace Pyfleet.Dashboard.Tests.Support;

/// <summary>
/// One browser context on the dashboard: every request it makes and every console error it logs are recorded, so a
/// test can check that nothing left the server and that the Content-Security-Policy blocked nothing the page needs.
/// </summary>
public sealed class Visit : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly DashboardServer _server;

    public Visit(IBrowserContext context, IPage page, DashboardServer server)
    {
        _context = context;
        _server = server;
        Page = page;
        page.Request += (_, request) => Requests.Add(request.Url);
        page.Console += (_, message) =>
        {
            // A 404 page logs "Failed to load resource" for itself: only policy refusals count.
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                ConsoleErrors.Add(message.Text);
            }
        };
    }

    public IPage Page { get; }

    public IBrowserContext Context => _context;

    public List<string> Requests { get; } = [];

    /// <summary>What the Content-Security-Policy refused (there must be nothing).</summary>
    public List<string> ConsoleErrors { get; } = [];

    public async Task<IResponse> GoAsync(string pathAndQuery) =>
        await Page.GotoAsync(_server.Url(pathAndQuery).ToString()) ?? throw new InvalidOperationException("no response for " + pathAndQuery);

    public async Task LogInAsync(string token, string start = "/login")
    {
        await GoAsync(start);
        await Page.GetByLabel("Token").FillAsync(token);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Requests that went anywhere but this server (there must be none).</summary>
    public IReadOnlyList<string> ForeignRequests() =>
        Requests.Where(url => !url.StartsWith(_server.BaseAddress.ToString(), StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
