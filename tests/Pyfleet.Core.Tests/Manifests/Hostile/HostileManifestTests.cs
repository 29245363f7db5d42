using System.Diagnostics;
using Pyfleet.Core.Errors;
using Pyfleet.Core.IO;
using Pyfleet.Core.Manifests;
using Pyfleet.Core.Manifests.Requirements;
using Pyfleet.Core.Toml;
using Pyfleet.Packaging.Requirements;

namespace Pyfleet.Core.Tests.Manifests.Hostile;

/// <summary>
/// Issue 17's crashes in the manifest readers: each input (a fixture under <c>Fixtures/Hostile</c>, or generated
/// here when it is large) gives a result or a <see cref="PyfleetException"/>/diagnostic with its position, never
/// another exception.
/// </summary>
public sealed class HostileManifestTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pyfleet-hostile-").FullName;

    [Fact]
    public void Requirements_NulByteInAnInclude_IsAnErrorOnItsLineAndTheRestIsRead()
    {
        var document = RequirementsParser.Parse(Fixture("nul-include.requirements.txt", "requirements.txt"));

        var error = Assert.Single(document.Diagnostics, d => d.Severity == ManifestSeverity.Error);
        Assert.Equal(2, error.Line);
        Assert.Contains("NUL byte", error.Message);
        Assert.Equal(["requests", "six"], document.Entries.Select(e => e.Name));
    }

    [Fact]
    public void Requirements_NulByteInAPathLine_IsAnErrorNotAnArgumentException()
    {
        // Found by scripts/fuzz.sh requirements: a UTF-16 file whose line "./x\0y" reached Path.GetFullPath.
        var document = RequirementsParser.Parse(Fixture("fuzz/requirements-nul-in-path.txt", "requirements.txt"));

        Assert.Contains(document.Diagnostics, d => d.Severity == ManifestSeverity.Error && d.Message.Contains("NUL byte"));
    }

    [Theory]
    [InlineData("invalid-utf8-after-quotes.requirements.txt")]
    [InlineData("invalid-utf8-after-bom.requirements.txt")]
    public void Requirements_InvalidUtf8MetLate_IsReadAsLatin1WithAWarning(string fixture)
    {
        var document = RequirementsParser.Parse(Fixture(fixture, "requirements.txt"));

        Assert.Contains(document.Diagnostics, d => d.Severity == ManifestSeverity.Warning && d.Message.Contains("read as Latin-1"));
        Assert.Contains(document.Entries, e => e.Name == "b");
    }

    [Fact]
    public void Requirements_Utf7CodingCookie_IsReadWithoutNotSupportedException()
    {
        var document = RequirementsParser.Parse(Fixture("utf7-cookie.requirements.txt", "requirements.txt"));

        Assert.Equal("a", Assert.Single(document.Entries).Name);
    }

    [Fact]
    public void Requirements_IncludeOfDevZero_IsRefusedAsADevice()
    {
        var file = Write("requirements.txt", "-r /dev/zero\nsix==1.16\n");

        var document = RequirementsParser.Parse(file);

        Assert.Contains(document.Diagnostics, d => d.Severity == ManifestSeverity.Error && d.Message.Contains("character device"));
        Assert.Equal("six", Assert.Single(document.Entries).Name);
    }

    [Fact]
    public void Requirements_MillionSpaceLine_IsReadInLinearTime()
    {
        // The comment regex (^|\s+)#.*$ was quadratic here (> 30 s); a 10^6-space line ending in a comment.
        var file = Write("requirements.txt", new string(' ', 1_000_000) + "six==1.16 " + new string(' ', 1_000) + "# note\n");
        var watch = Stopwatch.StartNew();

        var document = RequirementsParser.Parse(file, ManifestReadOptions.Default with { Limits = InputLimits.Default with { MaxLineLength = 2_000_000 } });

        Assert.Equal("six", Assert.Single(document.Entries).Name);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Requirements_OverThePackageLimit_StopsWithAnErrorNamingTheLimit()
    {
        var file = Write("requirements.txt", string.Concat(Enumerable.Range(0, 50).Select(i => $"p{i}==1.0\n")));
        var options = ManifestReadOptions.Default with { Limits = InputLimits.Default with { MaxPackagesPerEnvironment = 10 } };

        var document = RequirementsParser.Parse(file, options);

        Assert.Equal(10, document.Entries.Count);
        var error = Assert.Single(document.Diagnostics);
        Assert.Equal(11, error.Line);
        Assert.Contains("limits.max-packages-per-environment", error.Message);
    }

    [Fact]
    public void Requirements_LineOverTheLengthLimit_IsAnError()
    {
        var file = Write("requirements.txt", "a" + new string('b', 100) + "==1\nsix==1\n");
        var options = ManifestReadOptions.Default with { Limits = InputLimits.Default with { MaxLineLength = 50 } };

        var document = RequirementsParser.Parse(file, options);

        Assert.Contains(document.Diagnostics, d => d.Line == 1 && d.Message.Contains("limits.max-line-length"));
        Assert.Equal("six", Assert.Single(document.Entries).Name);
    }

    [Fact]
    public void Read_DanglingSymlinkRequirements_IsAPyfleetException()
    {
        var link = Path.Combine(_folder, "requirements.txt");
        File.CreateSymbolicLink(link, Path.Combine(_folder, "gone.txt"));

        var result = ReadOrError(link);

        Assert.True(result.Error is not null || result.Result!.HasErrors, "a dangling link must not read as an empty, clean file");
    }

    [Fact]
    public void Read_FifoRequirements_IsRefusedWithoutBlocking()
    {
        var fifo = Path.Combine(_folder, "requirements.txt");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        var result = ReadOrError(fifo);

        Assert.Contains("FIFO", result.Error?.Message ?? string.Join(";", result.Result!.Diagnostics.Select(d => d.Message)));
    }

    [Fact]
    public void PipfileLock_InvalidUtf8_IsAnErrorWithItsLine()
    {
        var error = Assert.Throws<PyfleetException>(() => ManifestReaders.Read(Fixture("invalid-utf8.Pipfile.lock", "Pipfile.lock")));

        Assert.Equal(3, error.Line);
        Assert.Contains("UTF-8", error.Message);
    }

    [Fact]
    public void SetupCfg_EmptyInstallRequires_HasNoPackagesAndNoCrash()
    {
        var result = ManifestReaders.Read(Fixture("empty-install-requires.setup.cfg", "setup.cfg"));

        Assert.Empty(result.Environment.Packages);
    }

    [Fact]
    public void Buildout_ExtendsDevZero_IsAnErrorOnTheExtendsLine()
    {
        var result = ManifestReaders.Read(Fixture("extends-dev-zero.buildout.cfg", "buildout.cfg"));

        var error = Assert.Single(result.Diagnostics, d => d.Severity == ManifestSeverity.Error);
        Assert.Equal(2, error.Line);
        Assert.Contains("character device", error.Message);
    }

    [Theory]
    [InlineData("a = ", "[")]
    [InlineData("a = ", "{b = ")]
    public void Toml_NestedHundredThousandDeep_IsAnErrorNotAStackOverflow(string prefix, string open)
    {
        var text = "x = 1\n" + prefix + string.Concat(Enumerable.Repeat(open, 100_000)) + "1\n";

        var error = Assert.Throws<TomlException>(() => TomlParser.Parse(text, "deep.toml"));

        Assert.Equal(2, error.Line);
        Assert.Contains("nested deeper than", error.Message);
    }

    [Fact]
    public void Toml_NestingWithinTheLimit_IsRead()
    {
        var text = "a = " + new string('[', 100) + "1" + new string(']', 100) + "\n";

        Assert.NotNull(TomlParser.Parse(text).GetArray("a"));
    }

    [Fact]
    public void Marker_TenThousandParentheses_IsASyntaxErrorNotAStackOverflow()
    {
        var text = "a==1; " + new string('(', 10_000) + "python_version > \"3\"" + new string(')', 10_000);

        Assert.False(Requirement.TryParse(text, out _, out var error));
        Assert.NotNull(error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (ManifestReadResult? Result, PyfleetException? Error) ReadOrError(string path)
    {
        try
        {
            return (ManifestReaders.Read(path), null);
        }
        catch (PyfleetException ex)
        {
            return (null, ex);
        }
    }

    private string Fixture(string fixture, string name)
    {
        var target = Path.Combine(_folder, name);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Hostile", fixture), target);
        return target;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
