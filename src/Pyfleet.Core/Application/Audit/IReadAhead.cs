namespace Pyfleet.Core.Application.Audit;

/// <summary>
/// How the audit's stages overlap. A host that owns a multi-core process reads inputs and audits on other threads
/// (the CLI's <c>Performance/Prefetch</c>); the default runs every stage on the caller's thread.
/// </summary>
public interface IReadAhead
{
    /// <summary>The same items in the same order, read about <paramref name="capacity"/> ahead starting now.</summary>
    IEnumerable<T> Start<T>(IEnumerable<T> source, int capacity);

    /// <summary>As <see cref="Start{T}"/>, but reading starts when the first item is asked for.</summary>
    IEnumerable<T> OnFirstUse<T>(IEnumerable<T> source, int capacity);
}
