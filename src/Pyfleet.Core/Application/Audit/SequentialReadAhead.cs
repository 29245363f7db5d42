namespace Pyfleet.Core.Application.Audit;

/// <summary>No read-ahead: each stage runs when the next asks (servers, tests).</summary>
public sealed class SequentialReadAhead : IReadAhead
{
    public static SequentialReadAhead Instance { get; } = new();

    public IEnumerable<T> Start<T>(IEnumerable<T> source, int capacity) => source;

    public IEnumerable<T> OnFirstUse<T>(IEnumerable<T> source, int capacity) => source;
}
