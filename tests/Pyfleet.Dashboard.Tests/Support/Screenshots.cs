using Microsoft.Playwright;

namespace Pyfleet.Dashboard.Tests.Support;

/// <summary>Full-page screenshots into the test output (<c>screenshots/</c> beside the test assembly) for a reviewer.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }
}
