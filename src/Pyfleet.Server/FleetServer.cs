using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Analysis;
using Pyfleet.Core.Storage;
using Pyfleet.Dashboard;
using Pyfleet.Server.Api;
using Pyfleet.Server.Api.Internal;
using Pyfleet.Server.Hosting;

namespace Pyfleet.Server;

/// <summary>
/// The fleet server as one <see cref="WebApplication"/>: Kestrel on <see cref="FleetServerOptions.Listen"/>, the
/// <c>/api/v1</c> endpoints, <c>/healthz</c> and <c>/metrics</c>, problem documents for every error, body and
/// rate limits. Hosted by <c>pyfleet serve</c>; tests start it in memory or on a loopback port.
/// </summary>
public static class FleetServer
{
    public static WebApplication Build(FleetServerOptions options, IFleetStore store, string[]? args = null, Action<WebApplicationBuilder>? configure = null, IAdvisoryStore? advisories = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(TimeProvider.System);
        if (advisories is not null)
        {
            builder.Services.AddSingleton(advisories);
        }

        builder.Services.AddSingleton(sp => new AnalysisDataSource(
            sp.GetService<IAdvisoryStore>(), sp.GetRequiredService<FleetServerOptions>().EolDirectory, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(sp => new FleetService(sp.GetRequiredService<IFleetStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AnalysisDataSource>()));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IFleetStore>().Findings);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IFleetStore>().Events);
        builder.Services.AddSingleton<FleetMetrics>();
        if (options.RunJobs)
        {
            builder.Services.AddHostedService<FleetJobs>();
        }

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<Microsoft.AspNetCore.Http.HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(Bearer.Partition(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<FleetServerOptions>().RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
            limiter.OnRejected = (rejected, _) => new ValueTask(Problems.WriteAsync(rejected.HttpContext, 429, "Too many requests", "the rate limit for this token or address is reached; retry in a minute"));
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Listen(options.ListenEndPoint(), listen =>
            {
                if (options.CertificatePath is { } certificate)
                {
                    listen.UseHttps(Certificates.Load(certificate, options.CertificateKeyPath));
                }
            });
        });
        builder.Services.AddDashboard(new DashboardOptions { QuietAfter = options.StaleAfter });
        configure?.Invoke(builder);

        var app = builder.Build();
        if (options.TrustedProxies.Count > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            foreach (var proxy in options.TrustedProxies)
            {
                forwarded.KnownProxies.Add(proxy);
            }

            app.UseForwardedHeaders(forwarded);
        }

        var metrics = app.Services.GetRequiredService<FleetMetrics>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Pyfleet.Server");
        app.Use(async (context, next) =>
        {
            metrics.RequestStarted();
            try
            {
                await Problems.HandleAsync(context, next, logger);
                if (context.Response.StatusCode >= 400 && !context.Response.HasStarted)
                {
                    // Unknown route, wrong method: still a problem document.
                    await Problems.WriteAsync(context, context.Response.StatusCode, context.Response.StatusCode == 405 ? "Method not allowed" : "Not found", $"no endpoint {context.Request.Method} {context.Request.Path}");
                }
            }
            finally
            {
                metrics.RequestEnded(context.Response.StatusCode);
            }
        });
        app.UseRateLimiter();
        app.MapFleetApi();
        app.MapDashboard();
        return app;
    }
}
