namespace Pyfleet.Core.Application;

/// <summary>
/// Something a service tells its host while it runs, for a person (the CLI prints it on stderr, the server logs it):
/// a first sync starting, an old database, a source's outcome.
/// </summary>
/// <param name="Warning">True for a warning (the run goes on; the verdict stands).</param>
/// <param name="Message">One sentence, without a <c>warning:</c> prefix.</param>
public sealed record RunNotice(bool Warning, string Message)
{
    public static RunNotice Info(string message) => new(false, message);

    public static RunNotice Warn(string message) => new(true, message);
}
