using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pyfleet.Core.Releases.Internal;

/// <summary>
/// A compact PEP 440 version used by the release analysis. STAND-IN: <c>Pyfleet.Packaging.Pep440Version</c> was
/// still an API stub when this stage was written; swap this for it once the Packaging implementation is merged
/// (the members used here — Epoch/Major/Minor/IsPrerelease/ordering/canonical text — are all on its contract).
/// Grammar and ordering follow https://packaging.python.org/en/latest/specifications/version-specifiers/ and
/// <c>packaging.version.VERSION_PATTERN</c> / <c>_cmpkey</c>.
/// </summary>
internal sealed partial class PyVersion : IComparable<PyVersion>, IEquatable<PyVersion>
{
    private readonly int[] _release;

    private PyVersion(int epoch, int[] release, (int Phase, int Number)? pre, int? post, int? dev, string? local)
    {
        Epoch = epoch;
        _release = release;
        Pre = pre;
        Post = post;
        Dev = dev;
        Local = local;
    }

    public int Epoch { get; }
    public IReadOnlyList<int> Release => _release;
    public int Major => _release.Length > 0 ? _release[0] : 0;
    public int Minor => _release.Length > 1 ? _release[1] : 0;
    public int Micro => _release.Length > 2 ? _release[2] : 0;

    /// <summary>Phase 0 = a, 1 = b, 2 = rc.</summary>
    public (int Phase, int Number)? Pre { get; }
    public int? Post { get; }
    public int? Dev { get; }
    public string? Local { get; }
    public bool IsPrerelease => Pre is not null || Dev is not null;
    public bool IsPostrelease => Post is not null;

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PyVersion? version)
    {
        version = null;
        if (text is null)
        {
            return false;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        static int Number(Group g) => g.Success && g.Value.Length > 0 ? int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        try
        {
            var epoch = Number(match.Groups["epoch"]);
            var release = match.Groups["release"].Value.Split('.').Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
            (int, int)? pre = null;
            if (match.Groups["pre_l"].Success)
            {
                var phase = match.Groups["pre_l"].Value.ToLowerInvariant() switch
                {
                    "a" or "alpha" => 0,
                    "b" or "beta" => 1,
                    _ => 2, // c, rc, pre, preview
                };
                pre = (phase, Number(match.Groups["pre_n"]));
            }

            int? post = match.Groups["post_n1"].Success ? Number(match.Groups["post_n1"])
                : match.Groups["post_l"].Success ? Number(match.Groups["post_n2"]) : null;
            int? dev = match.Groups["dev_l"].Success ? Number(match.Groups["dev_n"]) : null;
            var local = match.Groups["local"].Success ? match.Groups["local"].Value.ToLowerInvariant().Replace('-', '.').Replace('_', '.') : null;
            version = new PyVersion(epoch, release, pre, post, dev, local);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static PyVersion Parse(string text) => TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a PEP 440 version");

    /// <summary>The version without its local label.</summary>
    public PyVersion Public => Local is null ? this : new PyVersion(Epoch, _release, Pre, Post, Dev, null);

    public int CompareTo(PyVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Epoch.CompareTo(other.Epoch);
        if (c != 0)
        {
            return c;
        }

        c = CompareRelease(_release, other._release);
        if (c != 0)
        {
            return c;
        }

        c = PreKey().CompareTo(other.PreKey());
        if (c != 0)
        {
            return c;
        }

        c = (Post ?? -1).CompareTo(other.Post ?? -1);
        if (c != 0)
        {
            return c;
        }

        c = (Dev ?? int.MaxValue).CompareTo(other.Dev ?? int.MaxValue);
        return c != 0 ? c : string.CompareOrdinal(Local ?? "", other.Local ?? "");
    }

    // packaging: a dev release with no pre and no post sorts before every pre-release; no pre sorts after all.
    private (int, int) PreKey() => Pre is { } p ? p : Post is null && Dev is not null ? (-1, 0) : (int.MaxValue, 0);

    internal static int CompareRelease(IReadOnlyList<int> left, IReadOnlyList<int> right)
    {
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            var c = (i < left.Count ? left[i] : 0).CompareTo(i < right.Count ? right[i] : 0);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    public bool Equals(PyVersion? other) => other is not null && CompareTo(other) == 0;
    public override bool Equals(object? obj) => obj is PyVersion v && Equals(v);

    public override int GetHashCode()
    {
        var trimmed = _release.Reverse().SkipWhile(n => n == 0).Reverse();
        var hash = new HashCode();
        hash.Add(Epoch);
        foreach (var n in trimmed)
        {
            hash.Add(n);
        }

        hash.Add(Pre);
        hash.Add(Post);
        hash.Add(Dev);
        hash.Add(Local);
        return hash.ToHashCode();
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        if (Epoch != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Epoch}!");
        }

        text.AppendJoin('.', _release);
        if (Pre is { } pre)
        {
            text.Append(pre.Phase switch { 0 => "a", 1 => "b", _ => "rc" }).Append(pre.Number.ToString(CultureInfo.InvariantCulture));
        }

        if (Post is { } post)
        {
            text.Append(CultureInfo.InvariantCulture, $".post{post}");
        }

        if (Dev is { } dev)
        {
            text.Append(CultureInfo.InvariantCulture, $".dev{dev}");
        }

        if (Local is not null)
        {
            text.Append('+').Append(Local);
        }

        return text.ToString();
    }

    public static bool operator ==(PyVersion? left, PyVersion? right) => left is null ? right is null : left.Equals(right);
    public static bool operator !=(PyVersion? left, PyVersion? right) => !(left == right);
    public static bool operator <(PyVersion left, PyVersion right) => left.CompareTo(right) < 0;
    public static bool operator <=(PyVersion left, PyVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >(PyVersion left, PyVersion right) => left.CompareTo(right) > 0;
    public static bool operator >=(PyVersion left, PyVersion right) => left.CompareTo(right) >= 0;

    [GeneratedRegex(@"^v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)(?<pre>[-_\.]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_\.]?(?<pre_n>[0-9]+)?)?(?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_\.]?(?<post_l>post|rev|r)[-_\.]?(?<post_n2>[0-9]+)?))?(?<dev>[-_\.]?(?<dev_l>dev)[-_\.]?(?<dev_n>[0-9]+)?)?(?:\+(?<local>[a-z0-9]+(?:[-_\.][a-z0-9]+)*))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
