using Pyfleet.Core.Errors;
using Pyfleet.Core.Manifests;
using Pyfleet.Core.Manifests.Requirements;

namespace Pyfleet.Core.Tests.Manifests.Requirements;

public sealed class RequirementsParserTests
{
    private static RequirementsDocument Parse(params string[] relative)
    {
        var file = Path.Combine([PipReference.FixtureRoot, .. relative]);
        return RequirementsParser.Parse(file, new ManifestReadOptions
        {
            GetEnvironment = name => PipReference.Environment.GetValueOrDefault(name),
            WorkingDirectory = Path.GetDirectoryName(file),
        });
    }

    [Fact]
    public void Parse_LayeredDev_FollowsIncludesAndSeparatesConstraints()
    {
        var document = Parse("layered", "dev.txt");
        var environment = document.ToEnvironment();

        Assert.Equal(["dev.txt", "base.txt", "constraints.txt"], document.Files.Select(Path.GetFileName));
        Assert.Contains(environment.Packages, p => p.Name == "requests" && p.Version == "2.32.3" && p.Hashes.Count == 2 && p.Origin!.EndsWith("base.txt:21", StringComparison.Ordinal));
        Assert.Contains(environment.Constraints, p => p.Name == "django" && p.Version is null && p.Specifier!.Contains("<5.0", StringComparison.Ordinal));
        Assert.DoesNotContain(environment.Packages, p => p.Name == "setuptools");
        var devtools = Assert.Single(environment.Packages, p => p.Name == "devtools");
        Assert.True(devtools.Editable);
        Assert.Equal("git+https://github.com/example/devtools.git@v1.2.0#egg=devtools", devtools.Url);
        Assert.Contains(document.Options, o => o.Name == "--index-url" && o.Value == "https://pypi.internal.example/simple" && o.Line == 7);
    }

    [Fact]
    public void Parse_Syntax_ExpandsVariablesAndRedactsCredentials()
    {
        var document = Parse("syntax", "requirements.txt");

        var index = Assert.Single(document.Options, o => o.Name == "--extra-index-url");
        Assert.Equal("https://****@mirror.example/simple", index.Value);
        Assert.DoesNotContain(document.Entries, e => (e.Text + e.Url).Contains("s3cret", StringComparison.Ordinal));
        var pandas = Assert.Single(document.Entries, e => e.NormalizedName == "pandas");
        Assert.Equal(["sha256:" + new string('a', 64)], pandas.Hashes);
        Assert.Contains(document.Options, o => o.Name == "--only-binary" && o.Value == ":all:");
        Assert.Contains(document.Options, o => o.Name == "--no-binary" && o.Value == "psycopg2");
    }

    [Fact]
    public void Parse_Syntax_LineFormsInterpretedLikePip()
    {
        var entries = Parse("syntax", "requirements.txt").Entries;

        var six = Assert.Single(entries, e => e.NormalizedName == "six");
        Assert.Equal(("1.16.0", RequirementSourceKind.LocalPath), (six.PinnedVersion, six.SourceKind));
        Assert.Equal("5.0", Assert.Single(entries, e => e.NormalizedName == "zope-interface").PinnedVersion);
        Assert.Equal(RequirementSourceKind.Vcs, Assert.Single(entries, e => e.NormalizedName == "click").SourceKind);
        Assert.Equal(RequirementSourceKind.Url, Assert.Single(entries, e => e.NormalizedName == "urllib3").SourceKind);
        var numpy = Assert.Single(entries, e => e.NormalizedName == "numpy");
        Assert.Null(numpy.PinnedVersion);
        Assert.Equal(26, numpy.Line);
        Assert.Contains(entries, e => e.Name is null && e.IsEditable && e.Url!.EndsWith("/localpkg", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ConfigSettings_KeptPerRequirementInOrder()
    {
        var lxml = Parse("syntax", "config-settings.txt").Entries[0];

        Assert.Equal([new("--build-option", "--with-xslt"), new("debug", "true")], lxml.ConfigSettings);
        Assert.Equal(("lxml", "5.3.0"), (lxml.NormalizedName, lxml.PinnedVersion));
    }

    [Fact]
    public void Parse_ManyErrors_ReportsEachAndKeepsTheRest()
    {
        var document = Parse("errors", "many.txt");

        Assert.Equal([3, 5, 6], document.Diagnostics.Where(d => d.Severity == ManifestSeverity.Error).Select(d => d.Line));
        Assert.Contains("= is not a valid operator", document.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(["certifi", "idna", "charset-normalizer"], document.Entries.Select(e => e.NormalizedName));
    }

    [Fact]
    public void Parse_Cycle_ErrorAtIncludingLine()
    {
        var document = Parse("cycle", "a.txt");

        var error = Assert.Single(document.Diagnostics);
        Assert.EndsWith("b.txt", error.Path, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
        Assert.Equal(["six", "idna"], document.Entries.Select(e => e.NormalizedName));
    }

    [Fact]
    public void Parse_MissingInclude_ErrorWithFileAndLine()
    {
        var error = Assert.Single(Parse("errors", "missing-include.txt").Diagnostics);
        Assert.Equal((3, ManifestSeverity.Error), (error.Line, error.Severity));
        Assert.Contains("does-not-exist.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidConstraints_ErrorsLikePipsResolver()
    {
        var directory = Directory.CreateTempSubdirectory("pyfleet-req-").FullName;
        File.WriteAllText(Path.Combine(directory, "c.txt"), "-e git+https://g.example/x.git#egg=x\nhttps://files.example/x-1.0.tar.gz\nrequests[socks]==2.32.3\nidna==3.10\n");
        File.WriteAllText(Path.Combine(directory, "requirements.txt"), "-c c.txt\nrequests\n");

        var document = RequirementsParser.Parse(Path.Combine(directory, "requirements.txt"));

        Assert.Equal(
            ["Editable requirements are not allowed as constraints", "Unnamed requirements are not allowed as constraints", "Constraints cannot have extras"],
            document.Diagnostics.Where(d => d.Severity == ManifestSeverity.Error).Select(d => d.Message));
        Assert.Equal(["idna"], document.ToEnvironment().Constraints.Select(c => c.Name));
    }

    [Fact]
    public void Parse_MissingTopFile_ThrowsPyfleetException()
    {
        var ex = Assert.Throws<PyfleetException>(() => RequirementsParser.Parse(Path.Combine(PipReference.FixtureRoot, "nope.txt")));
        Assert.EndsWith("nope.txt", ex.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EncodingFixtures_DecodeLikePip()
    {
        Assert.Equal(["requests", "idna"], Parse("encoding", "utf16-bom.txt").Entries.Select(e => e.NormalizedName));
        Assert.Equal(["six"], Parse("encoding", "latin1-declared.txt").Entries.Select(e => e.NormalizedName));
        Assert.Equal([1, 2, 3, 4, 6], Parse("encoding", "splitlines.txt").Entries.Select(e => e.Line));
    }

    [Fact]
    public void Parse_NotUtf8WithoutDeclaration_WarnsAndReadsAsLatin1()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("pyfleet-req-").FullName, "requirements.txt");
        File.WriteAllBytes(file, [.. "# caf"u8, 0xE9, .. "\nsix==1.16.0\n"u8]);

        var document = RequirementsParser.Parse(file);

        Assert.Equal("six", Assert.Single(document.Entries).NormalizedName);
        Assert.Contains(document.Diagnostics, d => d.Severity == ManifestSeverity.Warning && d.Message.Contains("Latin-1", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_LargeGeneratedFile_ReadsEveryLine()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("pyfleet-req-").FullName, "requirements.txt");
        using (var writer = new StreamWriter(file))
        {
            for (var i = 0; i < 20_000; i++)
            {
                writer.WriteLine($"package-{i}=={i}.0 \\\n    --hash=sha256:{i:x64}");
            }
        }

        var document = RequirementsParser.Parse(file);

        Assert.Equal(20_000, document.Entries.Count);
        Assert.Equal(39_999, document.Entries[^1].Line);
        Assert.Empty(document.Diagnostics);
    }
}
