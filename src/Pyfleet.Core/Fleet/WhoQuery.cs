using Pyfleet.Packaging.Requirements;
using Pyfleet.Packaging.Specifiers;

namespace Pyfleet.Core.Fleet;

/// <summary>
/// A <c>who</c> question: a PEP 508 requirement without markers, extras or URL (<c>django&lt;4.2.8</c>,
/// <c>urllib3==1.26.*</c>, <c>Django&gt;=4.2.8,&lt;5</c>, <c>django~=4.2.7</c>), the name PEP 503-normalised. An
/// installed version matches when the specifier set contains it with pre-releases allowed: what is installed
/// counts, whatever pip would have chosen.
/// </summary>
public sealed record WhoQuery(string Name, SpecifierSet Specifier)
{
    /// <summary>Parses <paramref name="spec"/>; a <see cref="FleetException"/> (400) saying what is wrong otherwise.</summary>
    public static WhoQuery Parse(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            throw FleetException.BadRequest("spec is empty: give a requirement such as 'django<4.2.8'");
        }

        if (spec.Length > 1000)
        {
            throw FleetException.BadRequest("spec is longer than 1000 characters");
        }

        if (!Requirement.TryParse(spec, out var requirement, out var error))
        {
            throw FleetException.BadRequest($"spec '{spec}' is not a PEP 508 requirement: {error}");
        }

        if (requirement.Marker is not null || requirement.Url is not null)
        {
            throw FleetException.BadRequest($"spec '{spec}': markers and URLs are not allowed, only a name and version specifiers");
        }

        return new WhoQuery(requirement.NormalizedName, requirement.Specifier);
    }

    /// <summary>True when the installed <paramref name="version"/> is in the set (pre-releases included).</summary>
    public bool Matches(string version) => Specifier.Contains(version, prereleases: true);
}
