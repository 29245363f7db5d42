using Pyfleet.Core.Manifests;
using Pyfleet.Core.Manifests.Pyproject;
using Pyfleet.Core.Toml;

namespace Pyfleet.Core.Tests.Manifests.Locks;

public sealed class DeclarationReaderTests
{
    [Fact]
    public void Pyproject_Library_ProjectExtrasAndGroupsWithCycleError()
    {
        var result = ManifestFixture.Read("Pyproject", "library", "pyproject.toml");
        var names = result.Environment.Packages.Select(p => p.Name).ToList();

        Assert.Equal(["httpx", "pydantic", "tomli", "click", "rich", "pytest", "coverage", "mypy", "ruff"], names);
        Assert.Equal(["email"], result.Environment.Packages[1].Extras);
        Assert.EndsWith("pyproject.toml:12", result.Environment.Packages[2].Origin, StringComparison.Ordinal);
        Assert.Equal("1.11.2", result.Environment.Packages[7].Version);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Message.Contains("cycle", StringComparison.Ordinal)));
        Assert.True(PyprojectReader.IsLibrary(TomlParser.ParseFile(ManifestFixture.PathOf("Pyproject", "library", "pyproject.toml"))));
    }

    [Fact]
    public void Pyproject_PoetryApplication_ConstraintsConvertedPythonSkipped()
    {
        var result = ManifestFixture.Read("Pyproject", "poetry-app", "pyproject.toml");
        var byName = result.Environment.Packages.ToDictionary(p => p.Name);

        Assert.False(byName.ContainsKey("python"));
        Assert.Equal(("4.2.16", "==4.2.16"), (byName["django"].Version, byName["django"].Specifier));
        Assert.Equal(">=5.4.0,<6.0.0", byName["celery"].Specifier);
        Assert.Equal(["redis"], byName["celery"].Extras);
        Assert.Equal(">=3.2.1,<3.3.0", byName["psycopg"].Specifier);
        Assert.Equal("git+https://git.example/auth.git", byName["internal-auth"].Url);
        Assert.Null(byName["pytest"].Specifier);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("'1.0 || 2.0'", StringComparison.Ordinal));
        Assert.False(PyprojectReader.IsLibrary(TomlParser.ParseFile(ManifestFixture.PathOf("Pyproject", "poetry-app", "pyproject.toml"))));
    }

    [Theory]
    [InlineData("^1.2.3", ">=1.2.3,<2.0.0")]
    [InlineData("^0.2.3", ">=0.2.3,<0.3.0")]
    [InlineData("^0.0.3", ">=0.0.3,<0.0.4")]
    [InlineData("^0.0", ">=0.0,<0.1.0")]
    [InlineData("^0", ">=0,<1.0.0")]
    [InlineData("~1.2.3", ">=1.2.3,<1.3.0")]
    [InlineData("~1", ">=1,<2.0.0")]
    [InlineData("1.2.*", "==1.2.*")]
    [InlineData(">=1.2,<2", ">=1.2,<2")]
    [InlineData("~=1.4", "~=1.4")]
    [InlineData("*", "")]
    public void PoetryConstraint_ToPep440_FollowsPoetryDocs(string poetry, string pep440)
    {
        Assert.Equal(pep440, PoetryConstraint.ToPep440(poetry));
    }

    [Fact]
    public void SetupCfg_DanglingListInterpolationAndSemicolonList()
    {
        var result = ManifestFixture.Read("SetupCfg", "setup.cfg");
        var packages = result.Environment.Packages;

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["requests", "importlib-metadata", "click", "pyyaml", "tomli", "rtoml"], packages.Select(p => p.Name));
        Assert.NotNull(packages[1].Marker);
        Assert.EndsWith("setup.cfg:12", packages[2].Origin, StringComparison.Ordinal);
        Assert.Contains("<9", packages[2].Specifier, StringComparison.Ordinal);
    }

    [Fact]
    public void Buildout_ExtendsOverridesUnpinsAndWarns()
    {
        var result = ManifestFixture.Read("Buildout", "versions.cfg");
        var byName = result.Environment.Packages.ToDictionary(p => p.Name);

        Assert.Equal("4.2.16", byName["django"].Version);
        Assert.EndsWith("versions.cfg:7", byName["django"].Origin, StringComparison.Ordinal);
        Assert.Equal("3.0.1", byName["zc-buildout"].Version);
        Assert.EndsWith("base.cfg:5", byName["zc-buildout"].Origin, StringComparison.Ordinal);
        Assert.Null(byName["lxml"].Version);
        Assert.Equal(">=4.9,<6", byName["lxml"].Specifier);
        Assert.Equal("10.4.0", byName["pillow"].Version);
        Assert.False(byName.ContainsKey("setuptools"));
        Assert.Equal("python_version < \"3.10\"", byName["importlib-metadata"].Marker);
        Assert.Contains(result.Diagnostics, d => d.Line == 9 && d.Message.Contains("unresolved", StringComparison.Ordinal));
        Assert.Equal("2.32.3", byName["requests"].Version); // buildout drops a '#' comment that follows whitespace
    }

    [Fact]
    public void Buildout_ExtendsCycle_ErrorNotCrash()
    {
        var result = new Pyfleet.Core.Manifests.Buildout.BuildoutReader().Read(ManifestFixture.PathOf("Buildout", "cycle", "a.cfg"), ManifestReadOptions.Default);

        Assert.Contains(result.Diagnostics, d => d.Severity == ManifestSeverity.Error && d.Message.Contains("cycle", StringComparison.Ordinal));
    }
}
