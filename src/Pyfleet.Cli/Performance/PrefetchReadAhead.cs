using Pyfleet.Core.Application.Audit;

namespace Pyfleet.Cli.Performance;

/// <summary>The audit's stages on their own threads (<see cref="Prefetch"/>): parse, audit, write.</summary>
internal sealed class PrefetchReadAhead : IReadAhead
{
    public static PrefetchReadAhead Instance { get; } = new();

    public IEnumerable<T> Start<T>(IEnumerable<T> source, int capacity) => Prefetch.Start(source, capacity);

    public IEnumerable<T> OnFirstUse<T>(IEnumerable<T> source, int capacity) => Prefetch.OnFirstUse(source, capacity);
}
