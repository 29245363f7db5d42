using System.CommandLine;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pyfleet.Cli.Commands.Who;
using Pyfleet.Cli.Hosting;
using Pyfleet.Core.Application.Advisories;
using Pyfleet.Core.Configuration;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Jobs;
using Pyfleet.Server;

namespace Pyfleet.Cli.Commands.Serve;

/// <summary>
/// <c>pyfleet serve [--listen 127.0.0.1:8680]</c>: the fleet server on Kestrel, on the same store as the CLI
/// (the data folder's SQLite, or PostgreSQL with <c>PYFLEET_DATABASE=postgresql://…</c>). Runs until interrupted.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var options = new FleetOptions();
        var listen = new Option<string?>("--listen") { Description = "ADDRESS:PORT to listen on (default: serve.listen, else 127.0.0.1:8680)" };
        var maxBody = new Option<int?>("--max-body-mb") { Description = "Largest snapshot accepted, in MB (default: serve.max-body-mb, else 64)" };
        var certificate = new Option<string?>("--certificate") { Description = "TLS certificate (PEM with --certificate-key, or PFX); default: plain HTTP" };
        var certificateKey = new Option<string?>("--certificate-key") { Description = "PEM private key of --certificate" };
        var command = new Command("serve", "Run the fleet server: agents push snapshots, 'who' answers across every host");
        command.Options.Add(listen);
        command.Options.Add(maxBody);
        command.Options.Add(certificate);
        command.Options.Add(certificateKey);
        options.AddTo(command, server: false, format: false);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var config = context.LoadConfig(parse.GetValue(GlobalOptions.Home));
            var home = context.ResolveHome(parse.GetValue(GlobalOptions.Home));
            var serverOptions = new FleetServerOptions
            {
                Listen = parse.GetValue(listen) ?? config.GetString("serve.listen") ?? "127.0.0.1:8680",
                MaxBodyBytes = (parse.GetValue(maxBody) ?? config.GetInteger("serve.max-body-mb", 64)) * (1L << 20),
                RequestsPerMinute = (int)config.GetInteger("serve.rate-limit", 6000),
                CertificatePath = parse.GetValue(certificate) ?? config.GetString("serve.certificate"),
                CertificateKeyPath = parse.GetValue(certificateKey) ?? config.GetString("serve.certificate-key"),
                TrustedProxies = Proxies(config),
                EolDirectory = Path.Combine(home.CacheDirectory, "endoflife", "products"),
                ReanalysisInterval = Duration(config, "serve.reanalyse-every", TimeSpan.FromSeconds(30)),
                StaleAfter = Duration(config, "serve.stale-after", TimeSpan.FromDays(2)),
                RetentionDays = (int)config.GetInteger("serve.retention-days", 90),
            };
            serverOptions.ListenEndPointOrThrow();
            var store = await options.OpenWholeStoreAsync(parse, context, cancellationToken);
            var session = CommandSession.Start(context, parse.GetValue(GlobalOptions.Home));
            var sync = new ServeSync(
                new AdvisoryDatabaseService(store.Advisories, new AdvisoryDatabaseOptions
                {
                    Osv = session.Options.Osv,
                    Http = session.Options.Http,
                    CacheDirectory = home.CacheDirectory,
                    CurrentDirectory = context.CurrentDirectory,
                    DatabaseDisplay = store.Location.ToString(),
                }, context.Clock),
                TimeSpan.FromMinutes(session.Options.Serve.SyncIntervalMinutes));
            var app = FleetServer.Build(serverOptions, store.Fleet, configure: b => b.Services.AddSingleton<IScheduledSync>(sync), advisories: store.Advisories);
            await app.StartAsync(cancellationToken);
            await context.Stderr.WriteLineAsync($"pyfleet serve: listening on {(serverOptions.CertificatePath is null ? "http" : "https")}://{serverOptions.Listen}");
            using (cancellationToken.Register(() => app.Lifetime.StopApplication()))
            {
                await app.WaitForShutdownAsync(CancellationToken.None);
            }

            await app.DisposeAsync();
            return (int)ExitCode.Clean;
        });
        return command;
    }

    private static TimeSpan Duration(PyfleetConfig config, string key, TimeSpan fallback) => config.GetString(key) is not { } text
        ? fallback
        : DurationText.TryParse(text, out var duration) ? duration : throw new PyfleetException($"{key}: '{text}' is not a duration such as 30s, 10m, 2d");

    private static IReadOnlyList<IPAddress> Proxies(PyfleetConfig config) =>
        config.GetList("serve.trusted-proxies").Select(text => IPAddress.TryParse(text, out var address)
            ? address
            : throw new PyfleetException($"serve.trusted-proxies: '{text}' is not an IP address")).ToList();

    private static void ListenEndPointOrThrow(this FleetServerOptions options)
    {
        try
        {
            options.ListenEndPoint();
        }
        catch (ArgumentException ex)
        {
            throw new PyfleetException(ex.Message);
        }
    }
}
