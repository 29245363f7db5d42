using Pyfleet.Core.Manifests.Requirements.Internal;

namespace Pyfleet.Core.Tests.Manifests.Requirements;

/// <summary>pip's break_args_options + shlex + optparse on requirements lines (FORMATS.md §3.1 step 6, §3.3).</summary>
public sealed class OptionLineParserTests
{
    [Theory]
    [InlineData("requests>=2 ; python_version < \"3.8\" --hash=sha256:ab", "requests>=2 ; python_version < \"3.8\"", "--hash=sha256:ab")]
    [InlineData("-r base.txt", "", "-r base.txt")]
    [InlineData("six", "six", "")]
    [InlineData("a  b -c x", "a  b", "-c x")]
    public void BreakArgsOptions_Line_SplitsAtFirstDashToken(string line, string args, string options)
    {
        Assert.Equal((args, options), OptionLineParser.BreakArgsOptions(line));
    }

    [Theory]
    [InlineData("--index-url https://a/simple", "--index-url", "https://a/simple")]
    [InlineData("--index-url=https://a/simple", "--index-url", "https://a/simple")]
    [InlineData("-ihttps://a/simple", "--index-url", "https://a/simple")]
    [InlineData("--pypi-url https://a/simple", "--index-url", "https://a/simple")]
    [InlineData("--extra https://b/simple", "--extra-index-url", "https://b/simple")]
    [InlineData("-f './my wheels'", "--find-links", "./my wheels")]
    [InlineData("--no-index", "--no-index", null)]
    [InlineData("-C key=\"a b\"", "--config-settings", "key=a b")]
    public void TryParse_Option_CanonicalNameAndValue(string line, string name, string? value)
    {
        Assert.True(OptionLineParser.TryParse(line, out _, out var options, out var error), error);
        Assert.Equal((name, value), Assert.Single(options.Items));
    }

    [Theory]
    [InlineData("--foo-bar x", "no such option: --foo-bar")]
    [InlineData("-x", "no such option: -x")]
    [InlineData("--no", "ambiguous option: --no")]
    [InlineData("--index-url", "--index-url option requires 1 argument")]
    [InlineData("--pre=yes", "--pre option does not take a value")]
    [InlineData("--index-url \"https://x", "Could not split options")]
    [InlineData("six --global-option=--x", "removed in pip 25.3")]
    [InlineData("six --install-option=--x", "removed in pip 23.1")]
    public void TryParse_InvalidOptions_FailsWithOptparseMessage(string line, string message)
    {
        Assert.False(OptionLineParser.TryParse(line, out _, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_SeveralOptionsAndHashes_KeptInOrder()
    {
        Assert.True(OptionLineParser.TryParse("six==1 --hash=sha256:a --hash sha256:b -C k=v", out var args, out var options, out _));
        Assert.Equal("six==1", args);
        Assert.Equal(["sha256:a", "sha256:b"], options.Values("--hash"));
        Assert.Equal(["k=v"], options.Values("--config-settings"));
    }
}
