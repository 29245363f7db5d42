using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Views;
using Pyfleet.Dashboard.Access;
using Pyfleet.Dashboard.Assets;

namespace Pyfleet.Dashboard;

/// <summary>
/// Puts the dashboard on the fleet server: <c>builder.Services.AddDashboard()</c> and <c>app.MapDashboard()</c>.
/// The pages use the server's <see cref="FleetService"/>, its store's <see cref="IFleetViews"/> and, when the
/// server registers them, the findings, suppressions and notification services (each page says when one is missing).
/// </summary>
public static class DashboardExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, DashboardOptions? options = null)
    {
        services.AddSingleton(options ?? new DashboardOptions());
        services.AddScoped<DashboardAccessFilter>();
        services.AddSingleton<Rendering.FleetAnalysis>();
        services.AddSingleton<IFleetViews>(sp => sp.GetRequiredService<IFleetStore>() as IFleetViews
            ?? throw new InvalidOperationException("the fleet store does not provide the dashboard's views (IFleetViews)"));
        services.AddRazorPages(pages =>
            {
                // One filter does access, anti-forgery and errors for every page (Access/DashboardAccessFilter).
                pages.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(DashboardAccessFilter)));
                pages.Conventions.ConfigureFilter(new IgnoreAntiforgeryTokenAttribute());
            })
            .AddApplicationPart(typeof(DashboardExtensions).Assembly);
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = SessionCookie.AntiforgeryName;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            antiforgery.FormFieldName = "__form";
            antiforgery.SuppressXFrameOptionsHeader = true; // CSP frame-ancestors says it (SecurityHeaders)
        });

        // Anti-forgery keys live in memory (Access/MemoryKeyRepository): nothing is written outside the data folder.
        services.AddDataProtection().SetApplicationName("pyfleet-dashboard");
        services.Configure<KeyManagementOptions>(keys => keys.XmlRepository = new MemoryKeyRepository());
        return services;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(StyleSheet.Route, StyleSheet.Serve);
        app.MapRazorPages();
        return app;
    }
}
