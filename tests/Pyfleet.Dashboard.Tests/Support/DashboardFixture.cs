using Microsoft.Playwright;

namespace Pyfleet.Dashboard.Tests.Support;

/// <summary>One seeded server and one browser for every browser test (the "dashboard" collection).</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public DashboardServer Server { get; } = new();

    public Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>A fresh browser context (no cookies) <paramref name="width"/> pixels wide that records what it sees.</summary>
    public async Task<Visit> VisitAsync(int width = 1280)
    {
        var context = await Browser.Instance.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, AcceptDownloads = true });
        return new Visit(context, await context.NewPageAsync(), Server);
    }

    /// <summary>A context logged in through the <c>/login</c> form with <paramref name="token"/>.</summary>
    public async Task<Visit> LoggedInAsync(string token, int width = 1280)
    {
        var visit = await VisitAsync(width);
        await visit.LogInAsync(token);
        return visit;
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
