namespace Pyfleet.Core.Configuration;

/// <summary>
/// Every Pyfleet setting, typed, with its default here and nowhere else. The CLI binds it once from
/// <c>config.toml</c> + <c>PYFLEET_*</c> (<see cref="PyfleetOptionsLoader"/>), the server from its
/// <c>IConfiguration</c> (<see cref="PyfleetOptionsLoader.Bind"/>); both use the same key table
/// (<see cref="PyfleetOptionKeys"/>). Command-line options override what is bound.
/// </summary>
public sealed record PyfleetOptions
{
    public OsvOptions Osv { get; init; } = new();
    public ReleasesOptions Releases { get; init; } = new();
    public LifecycleOptions Lifecycle { get; init; } = new();
    public LintSettings Lint { get; init; } = new();
    public HttpOptions Http { get; init; } = new();
    public DatabaseOptions Database { get; init; } = new();
    public NotifyOptions Notify { get; init; } = new();
    public ServeOptions Serve { get; init; } = new();

    /// <summary><c>[labels]</c>: environment path (as written, relative to the working folder) → its labels.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Labels { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
