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
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, JobCounters> _jobs = new(StringComparer.Ordinal);

    /// <summary>One run of a background job (only runs this server claimed).</summary>
    public void JobRan(string job, TimeSpan elapsed, bool failed)
    {
        var counters = _jobs.GetOrAdd(job, _ => new JobCounters());
        Interlocked.Increment(ref failed ? ref counters.Failed : ref counters.Succeeded);
        Interlocked.Add(ref counters.Micros, (long)elapsed.TotalMicroseconds);
    }

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

    public string Render(int hosts, long snapshots, int? findings = null)
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
        if (findings is { } open)
        {
            Gauge(text, "pyfleet_findings", "Open unsuppressed findings.", open);
        }

        var jobs = _jobs.OrderBy(j => j.Key, StringComparer.Ordinal).ToList();
        Counter(text, "pyfleet_job_runs_total", "Background job runs on this server, by job and result.",
            jobs.SelectMany(j => new[] { ($"job=\"{j.Key}\",result=\"ok\"", Interlocked.Read(ref j.Value.Succeeded)), ($"job=\"{j.Key}\",result=\"failed\"", Interlocked.Read(ref j.Value.Failed)) }).ToArray());
        text.Append("# HELP pyfleet_job_duration_seconds Time spent in background jobs.\n# TYPE pyfleet_job_duration_seconds summary\n");
        foreach (var (job, counters) in jobs)
        {
            text.Append(CultureInfo.InvariantCulture, $"pyfleet_job_duration_seconds_sum{{job=\"{job}\"}} {Interlocked.Read(ref counters.Micros) / 1e6:0.######}\n");
            text.Append(CultureInfo.InvariantCulture, $"pyfleet_job_duration_seconds_count{{job=\"{job}\"}} {counters.Succeeded + counters.Failed}\n");
        }

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

    private sealed class JobCounters
    {
        public long Succeeded;
        public long Failed;
        public long Micros;
    }
}
