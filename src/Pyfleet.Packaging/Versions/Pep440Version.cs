using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Pyfleet.Packaging.Versions;

/// <summary>
/// A PEP 440 version: parsed liberally, printed canonically, ordered as <c>packaging.version.Version</c>.
/// Spec: https://packaging.python.org/en/latest/specifications/version-specifiers/
/// </summary>
/// <remarks>API contract (implementation owned by the Packaging work): immutable; equality and hashing
/// follow PEP 440 equality (<c>1.0 == 1.0.0</c>, local labels case-insensitive).
/// Split by role: parsing in <c>Pep440Version.Parsing.cs</c>, ordering in <c>Pep440Version.Comparison.cs</c>,
/// canonical text in <c>Pep440Version.Formatting.cs</c>.</remarks>
public sealed partial class Pep440Version : IComparable<Pep440Version>, IEquatable<Pep440Version>
{
    internal const byte PreNone = 0;
    internal const byte PreAlpha = 1;
    internal const byte PreBeta = 2;
    internal const byte PreCandidate = 3;

    private readonly VersionNumber _epoch;
    private readonly VersionNumber[] _release;
    // Release length without trailing zeros: the part that takes part in ordering (packaging's _strip_trailing_zeros).
    private readonly int _trimmedLength;
    private readonly byte _preKind;
    // Precomputed pre-release slot of packaging's _cmpkey (see ComputePreRank).
    private readonly byte _preRank;
    private readonly VersionNumber _pre;
    private readonly bool _hasPost;
    private readonly VersionNumber _post;
    private readonly bool _hasDev;
    private readonly VersionNumber _dev;
    // Canonical local label (lowercase, '.'-separated, numeric segments without leading zeros); null when absent.
    private readonly string? _local;
    private string? _text;

    internal Pep440Version(
        VersionNumber epoch,
        VersionNumber[] release,
        byte preKind,
        VersionNumber pre,
        bool hasPost,
        VersionNumber post,
        bool hasDev,
        VersionNumber dev,
        string? local)
    {
        _epoch = epoch;
        _release = release;
        var trimmed = release.Length;
        while (trimmed > 0 && release[trimmed - 1].IsZero)
        {
            trimmed--;
        }

        _trimmedLength = trimmed;
        _preKind = preKind;
        _preRank = ComputePreRank(preKind, hasPost, hasDev);
        _pre = pre;
        _hasPost = hasPost;
        _post = post;
        _hasDev = hasDev;
        _dev = dev;
        _local = local;
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> when it is not a valid PEP 440 version.</summary>
    public static Pep440Version Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text.AsSpan(), out var version)
            ? version
            : throw new FormatException($"Invalid PEP 440 version: '{text}'.");
    }

    /// <summary>Parses without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Pep440Version? version)
    {
        if (text is null)
        {
            version = null;
            return false;
        }

        return TryParse(text.AsSpan(), out version);
    }

    /// <summary>The epoch (<c>1</c> in <c>1!2.0</c>), saturated at <see cref="int.MaxValue"/>.</summary>
    public int Epoch => _epoch.ToSaturatedInt32();

    /// <summary>First release component or 0, saturated at <see cref="int.MaxValue"/>.</summary>
    public int Major => _release.Length >= 1 ? _release[0].ToSaturatedInt32() : 0;

    /// <summary>Second release component or 0, saturated at <see cref="int.MaxValue"/>.</summary>
    public int Minor => _release.Length >= 2 ? _release[1].ToSaturatedInt32() : 0;

    /// <summary>Third release component or 0, saturated at <see cref="int.MaxValue"/>.</summary>
    public int Micro => _release.Length >= 3 ? _release[2].ToSaturatedInt32() : 0;

    /// <summary>True with a pre-release or a dev segment (packaging's <c>is_prerelease</c>; <c>1.0.post1.dev1</c> counts).</summary>
    public bool IsPrerelease => _preKind != PreNone || _hasDev;

    /// <summary>True with a dev segment.</summary>
    public bool IsDevrelease => _hasDev;

    /// <summary>True with a post segment.</summary>
    public bool IsPostrelease => _hasPost;

    /// <summary>True with a local label (<c>+ubuntu.1</c>).</summary>
    public bool HasLocal => _local is not null;

    /// <summary>The release components as written (trailing zeros kept: <c>1.0.0</c> has three).</summary>
    public IReadOnlyList<BigInteger> Release => Array.ConvertAll(_release, n => n.ToBigInteger());

    /// <summary>Number of release components as written.</summary>
    public int ReleaseLength => _release.Length;

    /// <summary>The pre-release segment (<c>("rc", 1)</c>), or null.</summary>
    public (string Label, BigInteger Number)? Pre => _preKind switch
    {
        PreAlpha => ("a", _pre.ToBigInteger()),
        PreBeta => ("b", _pre.ToBigInteger()),
        PreCandidate => ("rc", _pre.ToBigInteger()),
        _ => null,
    };

    /// <summary>The post-release number, or null.</summary>
    public BigInteger? Post => _hasPost ? _post.ToBigInteger() : null;

    /// <summary>The dev-release number, or null.</summary>
    public BigInteger? Dev => _hasDev ? _dev.ToBigInteger() : null;

    /// <summary>The canonical local label (<c>ubuntu.1</c>), or null.</summary>
    public string? Local => _local;

    /// <summary>The version without pre, post, dev and local parts (<c>1!2.0</c> for <c>1!2.0rc1.post1+x</c>).</summary>
    public Pep440Version BaseVersion => _preKind == PreNone && !_hasPost && !_hasDev && _local is null
        ? this
        : new Pep440Version(_epoch, _release, PreNone, default, false, default, false, default, null);

    /// <summary>The version without its local label.</summary>
    public Pep440Version Public => _local is null
        ? this
        : new Pep440Version(_epoch, _release, _preKind, _pre, _hasPost, _post, _hasDev, _dev, null);

    public override bool Equals(object? obj) => obj is Pep440Version v && Equals(v);

    public static bool operator ==(Pep440Version? left, Pep440Version? right) => left is null ? right is null : left.Equals(right);
    public static bool operator !=(Pep440Version? left, Pep440Version? right) => !(left == right);
    public static bool operator <(Pep440Version left, Pep440Version right) => left.CompareTo(right) < 0;
    public static bool operator <=(Pep440Version left, Pep440Version right) => left.CompareTo(right) <= 0;
    public static bool operator >(Pep440Version left, Pep440Version right) => left.CompareTo(right) > 0;
    public static bool operator >=(Pep440Version left, Pep440Version right) => left.CompareTo(right) >= 0;
}
