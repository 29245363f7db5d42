using Microsoft.Playwright;

namespace Pyfleet.Dashboard.Tests.Support;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, headless) driven by Playwright. Browsers are never downloaded: a
/// missing Chromium fails the tests with the command that installs it.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: the browser tests use Debian's Chromium (apt-get install chromium; .ci/run installs it)");
        }

        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Args = ["--no-sandbox"], Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null)
        {
            await Instance.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
