namespace Pyfleet.Core.Application.Inputs.Internal;

/// <summary>Disposes its target the first time only: a source and its copies (<c>with</c>) share one resource.</summary>
internal sealed class DisposeOnce(IDisposable target) : IDisposable
{
    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            target.Dispose();
        }
    }
}
