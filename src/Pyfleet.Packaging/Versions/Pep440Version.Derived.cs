namespace Pyfleet.Packaging.Versions;

/// <summary>
/// Versions derived from another one, used as the bounds of specifiers (packaging 26.x <c>_ranges.py</c>):
/// <c>V.dev0</c>, the next dev or post release, and the first version of the next release prefix.
/// </summary>
public sealed partial class Pep440Version
{
    /// <summary>The smallest PEP 440 version: <c>0.dev0</c>.</summary>
    internal static Pep440Version MinVersion { get; } =
        new(VersionNumber.Zero, [VersionNumber.Zero], PreNone, default, false, default, true, VersionNumber.Zero, null);

    internal bool HasPre => _preKind != PreNone;

    /// <summary><c>V.dev0</c> without local (the earliest pre-release of a final V).</summary>
    internal Pep440Version WithDevZero() => new(_epoch, _release, _preKind, _pre, _hasPost, _post, true, VersionNumber.Zero, null);

    /// <summary><c>V.dev(N+1)</c> without local.</summary>
    internal Pep440Version WithNextDev() => new(_epoch, _release, _preKind, _pre, _hasPost, _post, true, _dev.Increment(), null);

    /// <summary><c>V.post(N+1).dev0</c> without local.</summary>
    internal Pep440Version WithNextPostDevZero() => new(_epoch, _release, _preKind, _pre, true, _post.Increment(), true, VersionNumber.Zero, null);

    /// <summary><c>epoch!release.dev0</c>: the first version that starts with this release (<c>==V.*</c> lower bound).</summary>
    internal Pep440Version ReleaseDevZero() => new(_epoch, _release, PreNone, default, false, default, true, VersionNumber.Zero, null);

    /// <summary>
    /// The first version after every version whose release starts with the first <paramref name="prefixLength"/>
    /// components: <c>1.2</c> with 2 gives <c>1.3.dev0</c>.
    /// </summary>
    internal Pep440Version NextPrefixDevZero(int prefixLength)
    {
        var release = new VersionNumber[prefixLength];
        Array.Copy(_release, release, prefixLength);
        release[^1] = release[^1].Increment();
        return new Pep440Version(_epoch, release, PreNone, default, false, default, true, VersionNumber.Zero, null);
    }

    /// <summary>Canonical text with trailing zero release components removed (packaging's <c>canonicalize_version</c>).</summary>
    internal string ToCanonicalTrimmedString()
    {
        var keep = Math.Max(_trimmedLength, 1);
        if (keep == _release.Length)
        {
            return ToString();
        }

        return new Pep440Version(_epoch, _release[..keep], _preKind, _pre, _hasPost, _post, _hasDev, _dev, _local).ToString();
    }
}
