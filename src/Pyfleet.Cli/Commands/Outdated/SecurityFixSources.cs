using Pyfleet.Core.Advisories.Matching;
using Pyfleet.Core.Auditing;
using Pyfleet.Core.Configuration;
using Pyfleet.Core.Releases.Analysis;

namespace Pyfleet.Cli.Commands.Outdated;

/// <summary>
/// Where <c>outdated</c>/<c>fix</c> get advisory knowledge: the local advisory database that <c>sync</c> fills
/// (the same one <c>audit</c> reads). With no synced data, nothing is classed <c>security</c> and the user is told.
/// </summary>
internal static class SecurityFixSources
{
    public static ISecurityFixSource Default(CliContext context, PyfleetHome home, string? explicitDatabase)
    {
        var location = CliStore.Locate(context, home, explicitDatabase);
        if (location.IsMissingFile)
        {
            return NoSecurityFixSource.Instance;
        }

        using var opened = CliStore.Open(context, location);
        var store = opened.Advisories;
        return store.Sources().Count == 0
            ? NoSecurityFixSource.Instance
            : new AdvisorySecurityFixSource(AdvisoryIndex.Build(store.LoadAll()));
    }

    /// <summary>Says so on stderr when no advisory data backs the <c>security</c> kind, so an empty answer is not read as "safe".</summary>
    public static async Task WarnIfUnavailableAsync(ISecurityFixSource source, CliContext context)
    {
        if (source is NoSecurityFixSource)
        {
            await context.Stderr.WriteLineAsync("note: no advisory database (run 'pyfleet sync'); no upgrade is classed 'security'");
        }
    }
}
