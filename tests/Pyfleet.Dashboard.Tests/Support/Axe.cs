using System.Text.Json;
using Microsoft.Playwright;

namespace Pyfleet.Dashboard.Tests.Support;

/// <summary>
/// axe-core (npm, pinned in <c>axe/package-lock.json</c>, installed by <c>npm ci</c> in .ci/run) evaluated in the page
/// through the DevTools protocol, so the page's Content-Security-Policy (no script at all) stays in force.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(Load);

    /// <summary>Serious and critical violations on the current page, one line each ("rule: target (help)").</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.EvaluateAsync(Source.Value);
        var json = await page.EvaluateAsync<string>("async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations)");
        using var document = JsonDocument.Parse(json);
        var found = new List<string>();
        foreach (var violation in document.RootElement.EnumerateArray())
        {
            var impact = violation.GetProperty("impact").GetString();
            if (impact is "serious" or "critical")
            {
                var targets = violation.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("target").ToString());
                found.Add($"{violation.GetProperty("id").GetString()} ({impact}): {string.Join(", ", targets)} — {violation.GetProperty("help").GetString()}");
            }
        }

        return found;
    }

    private static string Load()
    {
        // tests/Pyfleet.Dashboard.Tests/axe/node_modules, found from the test's output folder.
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "axe", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        throw new InvalidOperationException("axe-core is not installed: run `npm ci --prefix tests/Pyfleet.Dashboard.Tests/axe` (.ci/run does)");
    }
}
