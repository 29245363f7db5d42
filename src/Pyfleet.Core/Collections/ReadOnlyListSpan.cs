using System.Runtime.InteropServices;

namespace Pyfleet.Core.Collections;

/// <summary>
/// The items of an <see cref="IReadOnlyList{T}"/> as a span, for the per-package loops of a fleet audit: going
/// through the interface costs a dispatched call per item (two for a foreach, with a boxed enumerator), and the
/// same call site sees lists and arrays, so the runtime cannot keep it to one cheap stub.
/// </summary>
public static class ReadOnlyListSpan
{
    /// <summary>The items of <paramref name="list"/>: the array or the list's own storage, else a copy.</summary>
    public static ReadOnlySpan<T> Of<T>(IReadOnlyList<T> list) => list switch
    {
        T[] array => array,
        List<T> items => CollectionsMarshal.AsSpan(items),
        _ => list.ToArray(),
    };
}
