using Pyfleet.Core.Lifecycle;

namespace Pyfleet.Core.Tests.Lifecycle;

/// <summary>Issue 11 §4: lifecycle lines that cannot contradict each other or read as ended when they are not.</summary>
public sealed class EolTextTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 2);

    [Fact]
    public void Describe_FutureEol_SaysOnDateAndDaysLeft()
    {
        var status = Evaluate(new EolRelease { Name = "3.11", EolFrom = new DateOnly(2027, 10, 31), EoasFrom = new DateOnly(2024, 4, 2) }, "3.11.9", "python");

        Assert.Equal("python 3.11: EOL on 2027-10-31 (in 333 days)", EolText.Describe(status));
    }

    [Fact]
    public void Describe_DebianHostInLts_OneLineNoContradiction()
    {
        var debian = new EolProduct { Name = "debian", Releases = [new EolRelease { Name = "12", EolFrom = new DateOnly(2026, 7, 11), EoesFrom = new DateOnly(2028, 6, 30), IsEol = true }] };
        var evaluator = new EolEvaluator(AsOf);
        var status = evaluator.Evaluate(debian, "12") with { Distribution = evaluator.EvaluateDistribution(debian, "12") };

        var text = EolText.Describe(status);

        Assert.Equal("debian 12: security support ended 2026-07-11, extended support until 2028-06-30 (in 576 days)", text);
        Assert.False(status.EffectiveEol);
    }

    [Fact]
    public void Show_NoActiveSupportDate_NoEmptyDate()
    {
        var status = Evaluate(new EolRelease { Name = "12", EolFrom = new DateOnly(2026, 6, 10), IsEol = true }, "12", "debian");

        Assert.Equal("debian 12: EOL since 2026-06-10; active support ended (date unknown); LTS no; latest unknown", EolText.Show(status));
    }

    private static EolStatus Evaluate(EolRelease release, string version, string product) =>
        new EolEvaluator(AsOf).Evaluate(new EolProduct { Name = product, Releases = [release] }, version);
}
