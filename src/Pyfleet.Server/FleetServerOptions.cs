using System.Net;

namespace Pyfleet.Server;

/// <summary>What <c>pyfleet serve</c> is configured with (<c>[serve]</c> in config.toml, <c>PYFLEET_SERVE_*</c>, options).</summary>
public sealed record FleetServerOptions
{
    /// <summary><c>host:port</c> to listen on; loopback by default (<c>serve.listen</c>).</summary>
    public string Listen { get; init; } = "127.0.0.1:8680";

    /// <summary>Largest accepted snapshot, compressed on the wire and after decompression (<c>serve.max-body-mb</c>, 64).</summary>
    public long MaxBodyBytes { get; init; } = 64L << 20;

    /// <summary>Requests per minute per token (or per client address without one) (<c>serve.rate-limit</c>).</summary>
    public int RequestsPerMinute { get; init; } = 6000;

    /// <summary>TLS certificate (PEM or PFX) and its key (PEM); plain HTTP when null (behind a proxy, or loopback).</summary>
    public string? CertificatePath { get; init; }

    public string? CertificateKeyPath { get; init; }

    /// <summary>Proxies whose <c>X-Forwarded-For</c>/<c>-Proto</c> are believed; none by default.</summary>
    public IReadOnlyList<IPAddress> TrustedProxies { get; init; } = [];

    /// <summary>The endoflife.date copy <c>pyfleet eol sync</c> keeps (<c>cache/endoflife/products</c> in the data folder); null: no EOL findings.</summary>
    public string? EolDirectory { get; init; }

    /// <summary>How often the server looks for new advisory/EOL data to re-analyse the fleet with (<c>serve.reanalyse-every</c>, 30s).</summary>
    public TimeSpan ReanalysisInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Snapshots are kept this many days, plus each host's latest (<c>serve.retention-days</c>, 90; 0 keeps everything).</summary>
    public int RetentionDays { get; init; } = 90;

    /// <summary>Run the background jobs (re-analysis, sync, retention); tests that drive the analysis by hand turn them off.</summary>
    public bool RunJobs { get; init; } = true;

    /// <summary>Hosts silent for longer count as stopped reporting (<c>serve.stale-after</c>, 2d).</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromDays(2);

    /// <summary>Parses <see cref="Listen"/> (<c>127.0.0.1:8680</c>, <c>0.0.0.0:8680</c>, <c>[::1]:8680</c>, <c>:8680</c>).</summary>
    public IPEndPoint ListenEndPoint()
    {
        var text = Listen.StartsWith(':') ? "0.0.0.0" + Listen : Listen;
        return IPEndPoint.TryParse(text, out var endPoint) && endPoint.Port >= 0
            ? endPoint
            : throw new ArgumentException($"serve.listen '{Listen}' is not ADDRESS:PORT (e.g. 127.0.0.1:8680)");
    }
}
