using FsCheck;
using FsCheck.Fluent;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Packaging.Tests.Versions;

/// <summary>FsCheck properties over random liberally spelled versions (see <see cref="VersionGenerator"/>).</summary>
public sealed class Pep440VersionPropertyTests
{
    private static Arbitrary<Pep440Version> Versions() =>
        Arb.From(Gen.Choose(0, int.MaxValue).Select(seed => Pep440Version.Parse(VersionGenerator.Make(seed))));

    private static Arbitrary<(Pep440Version, Pep440Version, Pep440Version)> Triples() =>
        Arb.From(Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            // Draw from a small pool so that equal and near-equal versions meet often.
            var random = new Random(seed);
            Pep440Version Draw() => Pep440Version.Parse(VersionGenerator.Make(random.Next(400)));
            return (Draw(), Draw(), Draw());
        }));

    // PEP 440: a canonical string parses back to an equal version, and printing is idempotent.
    [Fact]
    public void Parse_ToString_RoundTripsAndIsIdempotent()
    {
        Prop.ForAll(Versions(), v =>
        {
            var text = v.ToString();
            var again = Pep440Version.Parse(text);
            return again == v && again.ToString() == text && again.GetHashCode() == v.GetHashCode();
        }).QuickCheckThrowOnFailure();
    }

    // Ordering is a total order consistent with equality and hashing.
    [Fact]
    public void CompareTo_RandomTriples_IsTotalOrderConsistentWithEquality()
    {
        Prop.ForAll(Triples(), t =>
        {
            var (a, b, c) = t;
            var ab = Math.Sign(a.CompareTo(b));
            var bc = Math.Sign(b.CompareTo(c));
            var ac = Math.Sign(a.CompareTo(c));
            var antisymmetric = ab == -Math.Sign(b.CompareTo(a));
            var transitive = !(ab <= 0 && bc <= 0) || ac <= 0;
            var equality = (ab == 0) == a.Equals(b) && (ab == 0) == (a == b);
            var hash = ab != 0 || a.GetHashCode() == b.GetHashCode();
            var reflexive = a.CompareTo(a) == 0;
            return antisymmetric && transitive && equality && hash && reflexive;
        }).QuickCheckThrowOnFailure();
    }

    // The public version never sorts above the version; the base version never above the public one unless it drops a dev/pre.
    [Fact]
    public void Public_RandomVersion_SortsAtOrBelowVersion()
    {
        Prop.ForAll(Versions(), v => v.Public <= v && !v.Public.HasLocal && v.Public.ToString() == v.ToPublicString())
            .QuickCheckThrowOnFailure();
    }
}
