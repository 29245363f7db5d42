namespace Pyfleet.Core.Releases.Indexes;

/// <summary>
/// The indexes to ask, resolved with pip's precedence: command-line options, then <c>PIP_INDEX_URL</c> /
/// <c>PIP_EXTRA_INDEX_URL</c> (space separated), then <c>pip.conf</c>, then PyPI. Credentials come from the URL's
/// user-info or from <c>.netrc</c> (<c>$NETRC</c>, else <c>~/.netrc</c>).
/// </summary>
public sealed record IndexConfiguration(PackageIndex Primary, IReadOnlyList<PackageIndex> Extras)
{
    /// <summary>PyPI's simple root.</summary>
    public const string DefaultIndexUrl = "https://pypi.org/simple/";

    /// <summary>Primary first, then extras.</summary>
    public IEnumerable<PackageIndex> All => [Primary, .. Extras];

    /// <summary>Resolves the configuration.</summary>
    /// <param name="indexUrl">From <c>--index-url</c> (wins over everything).</param>
    /// <param name="extraIndexUrls">From <c>--extra-index-url</c> (replace the configured extras when any are given).</param>
    /// <param name="getEnvironment">Environment lookup (injected for tests).</param>
    /// <param name="pipConfigFiles">pip config files to read; null = pip's default locations.</param>
    public static IndexConfiguration Resolve(string? indexUrl, IReadOnlyList<string> extraIndexUrls, Func<string, string?> getEnvironment, IReadOnlyList<string>? pipConfigFiles = null)
    {
        var pip = PipConfig.Load(pipConfigFiles ?? PipConfig.DefaultFiles(getEnvironment));
        var primary = indexUrl ?? NonEmpty(getEnvironment("PIP_INDEX_URL")) ?? pip.IndexUrl ?? DefaultIndexUrl;
        IReadOnlyList<string> extras = extraIndexUrls.Count > 0 ? extraIndexUrls
            : NonEmpty(getEnvironment("PIP_EXTRA_INDEX_URL")) is { } fromEnv ? fromEnv.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            : pip.ExtraIndexUrls;
        var netrcPath = NonEmpty(getEnvironment("NETRC")) ?? (NonEmpty(getEnvironment("HOME")) is { } home ? Path.Combine(home, ".netrc") : null);
        var netrc = Netrc.Load(netrcPath);
        return new IndexConfiguration(PackageIndex.Create(primary, netrc), extras.Select(e => PackageIndex.Create(e, netrc)).ToList());
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
