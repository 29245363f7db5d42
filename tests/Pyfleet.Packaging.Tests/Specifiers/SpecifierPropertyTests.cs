using FsCheck;
using FsCheck.Fluent;
using Pyfleet.Packaging.Requirements;
using Pyfleet.Packaging.Specifiers;
using Pyfleet.Packaging.Tests.Support;
using Pyfleet.Packaging.Tests.Versions;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Packaging.Tests.Specifiers;

/// <summary>Consistency properties between sets, single clauses, filtering and the requirement tokenizer.</summary>
public sealed class SpecifierPropertyTests
{
    private static readonly string[] Clauses = Fixture.Rows("Specifiers/contains.tsv").Select(r => r[1]).Distinct().ToArray();

    private static Arbitrary<(SpecifierSet Set, Pep440Version Version, string Text)> Cases() =>
        Arb.From(Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            var random = new Random(seed);
            var count = random.Next(0, 4);
            var text = string.Join(",", Enumerable.Range(0, count).Select(_ => Clauses[random.Next(Clauses.Length)]));
            return (SpecifierSet.Parse(text), Pep440Version.Parse(VersionGenerator.Make(random.Next())), text);
        }));

    // A set is the logical AND of its clauses (PEP 440 "Version specifiers"), with pre-releases allowed.
    [Fact]
    public void Contains_Set_IsConjunctionOfClauses()
    {
        Prop.ForAll(Cases(), c =>
            c.Set.Contains(c.Version, prereleases: true) == c.Set.Specifiers.All(s => s.Contains(c.Version, prereleases: true)))
            .QuickCheckThrowOnFailure();
    }

    // filter(prereleases=True) keeps exactly the contained candidates; the default never adds any.
    [Fact]
    public void Filter_Set_AgreesWithContains()
    {
        Prop.ForAll(Cases(), c =>
        {
            var candidates = new[] { c.Version, Pep440Version.Parse("1.0"), Pep440Version.Parse("2.0a1") };
            var all = c.Set.Filter(candidates, prereleases: true).ToList();
            var byDefault = c.Set.Filter(candidates).ToList();
            return all.SequenceEqual(candidates.Where(v => c.Set.Contains(v, prereleases: true)))
                && byDefault.All(all.Contains);
        }).QuickCheckThrowOnFailure();
    }

    // The requirement tokenizer's prefix match finds the same clauses as SpecifierSet parsing.
    [Fact]
    public void RequirementSpecifier_RandomSet_MatchesSpecifierSetText()
    {
        Prop.ForAll(Cases(), c =>
            Requirement.Parse("pkg" + c.Text).Specifier.ToString() == c.Set.ToString()
            && Requirement.Parse("pkg (" + c.Text + ")").Specifier.ToString() == c.Set.ToString())
            .QuickCheckThrowOnFailure();
    }
}
