using Pyfleet.Core.Configuration;
using Pyfleet.Core.Releases.Analysis;

namespace Pyfleet.Cli.Commands.Outdated;

/// <summary>
/// Where <c>outdated</c>/<c>fix</c> get advisory knowledge. NOT WIRED YET: the advisories stage (branch
/// <c>advisories</c>) has not landed on main; until it does, no upgrade is classed <c>security</c> from the CLI.
/// Wire its <c>ISecurityFixSource</c> adapter here (one line) when it lands.
/// </summary>
internal static class SecurityFixSources
{
    public static ISecurityFixSource Default(PyfleetHome home) => NoSecurityFixSource.Instance;

    /// <summary>Says so on stderr when no advisory data backs the <c>security</c> kind, so an empty answer is not read as "safe".</summary>
    public static async Task WarnIfUnavailableAsync(ISecurityFixSource source, CliContext context)
    {
        if (source is NoSecurityFixSource)
        {
            await context.Stderr.WriteLineAsync("note: no advisory data wired into release analysis yet; no upgrade is classed 'security'");
        }
    }
}
