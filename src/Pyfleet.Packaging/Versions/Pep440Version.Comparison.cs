namespace Pyfleet.Packaging.Versions;

/// <summary>
/// Ordering exactly as packaging's <c>_cmpkey</c>: epoch, release without trailing zeros, pre key (a dev-only
/// release sorts below every pre-release), post key, dev key, local key. Allocation-free.
/// Spec: https://packaging.python.org/en/latest/specifications/version-specifiers/#summary-of-permitted-suffixes-and-relative-ordering
/// </summary>
public sealed partial class Pep440Version
{
    private const int PreRankNegativeInfinity = 0;
    private const int PreRankPositiveInfinity = 4;

    // packaging: no pre, no post, but a dev → -inf (1.0.dev0 < 1.0a0); no pre → +inf; else a < b < rc.
    private static byte ComputePreRank(byte preKind, bool hasPost, bool hasDev) => preKind != PreNone ? preKind
        : (byte)(!hasPost && hasDev ? PreRankNegativeInfinity : PreRankPositiveInfinity);

    /// <summary>PEP 440 ordering (packaging's <c>_cmpkey</c>); null sorts first. Allocation-free.</summary>
    public int CompareTo(Pep440Version? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (ReferenceEquals(this, other))
        {
            return 0;
        }

        var c = ComparePublic(other);
        return c != 0 ? c : CompareLocal(_local, other._local);
    }

    /// <summary>PEP 440 equality: same position in the ordering (<c>1.0 == 1.0.0</c>, <c>1.0+ABC == 1.0+abc</c>).</summary>
    public bool Equals(Pep440Version? other) => other is not null && CompareTo(other) == 0;

    /// <summary>A hash consistent with <see cref="Equals(Pep440Version?)"/> (trailing zeros ignored).</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_epoch);
        for (var i = 0; i < _trimmedLength; i++)
        {
            hash.Add(_release[i]);
        }

        hash.Add(_preRank);
        if (_preKind != PreNone)
        {
            hash.Add(_pre);
        }

        hash.Add(_hasPost);
        if (_hasPost)
        {
            hash.Add(_post);
        }

        hash.Add(_hasDev);
        if (_hasDev)
        {
            hash.Add(_dev);
        }

        hash.Add(_local);
        return hash.ToHashCode();
    }

    /// <summary>Compares everything but the local label.</summary>
    internal int ComparePublic(Pep440Version other)
    {
        var c = _epoch.CompareTo(other._epoch);
        if (c != 0)
        {
            return c;
        }

        c = CompareRelease(other);
        if (c != 0)
        {
            return c;
        }

        c = _preRank - other._preRank;
        if (c != 0)
        {
            return c;
        }

        if (_preKind != PreNone)
        {
            c = _pre.CompareTo(other._pre);
            if (c != 0)
            {
                return c;
            }
        }

        // Post: absent is -inf.
        if (_hasPost != other._hasPost)
        {
            return _hasPost ? 1 : -1;
        }

        if (_hasPost)
        {
            c = _post.CompareTo(other._post);
            if (c != 0)
            {
                return c;
            }
        }

        // Dev: absent is +inf.
        if (_hasDev != other._hasDev)
        {
            return _hasDev ? -1 : 1;
        }

        return _hasDev ? _dev.CompareTo(other._dev) : 0;
    }

    /// <summary>Compares release segments with zero padding (equivalent to comparing the trimmed tuples).</summary>
    internal int CompareRelease(Pep440Version other)
    {
        var length = Math.Max(_trimmedLength, other._trimmedLength);
        for (var i = 0; i < length; i++)
        {
            var left = i < _trimmedLength ? _release[i] : VersionNumber.Zero;
            var right = i < other._trimmedLength ? other._release[i] : VersionNumber.Zero;
            var c = left.CompareTo(right);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    /// <summary>Same epoch, same release (zero padded) and same pre-release segment.</summary>
    internal bool SameReleaseAndPre(Pep440Version other) =>
        _epoch.CompareTo(other._epoch) == 0
        && CompareRelease(other) == 0
        && _preKind == other._preKind
        && (_preKind == PreNone || _pre.CompareTo(other._pre) == 0);

    // Local: absent is -inf; segments compared pairwise, alphanumeric < numeric, a strict prefix sorts first.
    private static int CompareLocal(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        var a = left.AsSpan();
        var b = right.AsSpan();
        while (true)
        {
            if (a.IsEmpty || b.IsEmpty)
            {
                return a.IsEmpty ? (b.IsEmpty ? 0 : -1) : 1;
            }

            var sa = NextSegment(ref a);
            var sb = NextSegment(ref b);
            var numericA = IsAllDigits(sa);
            var numericB = IsAllDigits(sb);
            int c;
            if (numericA && numericB)
            {
                // Canonical numeric segments have no leading zeros: longer is larger.
                c = sa.Length != sb.Length ? sa.Length.CompareTo(sb.Length) : sa.SequenceCompareTo(sb);
            }
            else if (numericA != numericB)
            {
                c = numericA ? 1 : -1;
            }
            else
            {
                c = sa.SequenceCompareTo(sb);
            }

            if (c != 0)
            {
                return Math.Sign(c);
            }
        }
    }

    private static ReadOnlySpan<char> NextSegment(ref ReadOnlySpan<char> rest)
    {
        var dot = rest.IndexOf('.');
        ReadOnlySpan<char> segment;
        if (dot < 0)
        {
            segment = rest;
            rest = default;
        }
        else
        {
            segment = rest[..dot];
            rest = rest[(dot + 1)..];
        }

        return segment;
    }
}
