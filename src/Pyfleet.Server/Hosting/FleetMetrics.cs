using System.Globalization;
using System.Text;

namespace Pyfleet.Server.Hosting;

/// <summary>Counters for <c>/metrics</c> (Prometheus text format 0.0.4). Never carries a secret or a label from a client.</summary>
public sealed class FleetMetrics
{
    private long _ingestCreated;
    private long _ingestDuplicate;
    private long _ingestRejected;
    private long _ingestMicros;
    private long _whoCount;
    private long _whoMicros;
    private long _inFlight;
    private readonly long[] _responses = new long[6];

    public void Ingested(bool created, TimeSpan elapsed)
    {
        Interlocked.Increment(ref created ? ref _ingestCreated : ref _ingestDuplicate);
        Interlocked.Add(ref _ingestMicros, (long)elapsed.TotalMicroseconds);
    }

    public void IngestRejected() => Interlocked.Increment(ref _ingestRejected);

    public void Who(TimeSpan elapsed)
    {
        Interlocked.Increment(ref _whoCount);
        Interlocked.Add(ref _whoMicros, (long)elapsed.TotalMicroseconds);
    }

    public void RequestStarted() => Interlocked.Increment(ref _inFlight);

    public void RequestEnded(int status)
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _responses[Math.Clamp(status / 100, 0, 5)]);
    }

    public string Render(int hosts, long snapshots)
    {
        var text = new StringBuilder();
        Counter(text, "pyfleet_ingest_total", "Snapshots pushed, by result.", ("result=\"created\"", _ingestCreated), ("result=\"duplicate\"", _ingestDuplicate), ("result=\"rejected\"", _ingestRejected));
        Summary(text, "pyfleet_ingest_duration_seconds", "Time to store a pushed snapshot.", _ingestCreated + _ingestDuplicate, _ingestMicros);
        Summary(text, "pyfleet_who_duration_seconds", "Time to answer a who query.", _whoCount, _whoMicros);
        Gauge(text, "pyfleet_requests_in_flight", "Requests being served (the ingest queue depth).", Interlocked.Read(ref _inFlight));
        Counter(text, "pyfleet_http_responses_total", "Responses by status class.",
            Enumerable.Range(1, 5).Select(i => ($"code=\"{i}xx\"", Interlocked.Read(ref _responses[i]))).ToArray());
        Gauge(text, "pyfleet_hosts", "Hosts known to the fleet.", hosts);
        Gauge(text, "pyfleet_snapshots", "Snapshots stored.", snapshots);
        return text.ToString();
    }

    private static void Counter(StringBuilder text, string name, string help, params (string Labels, long Value)[] values)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n");
        foreach (var (labels, value) in values)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}{{{labels}}} {value}\n");
        }
    }

    private static void Gauge(StringBuilder text, string name, string help, long value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}\n");

    private static void Summary(StringBuilder text, string name, string help, long count, long micros) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} summary\n{name}_sum {micros / 1e6:0.######}\n{name}_count {count}\n");
}
