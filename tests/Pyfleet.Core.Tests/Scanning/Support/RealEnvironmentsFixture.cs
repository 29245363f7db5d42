namespace Pyfleet.Core.Tests.Scanning.Support;

/// <summary>
/// Real environments built once per test class with Debian's <c>/usr/bin/python3</c>, offline:
/// <list type="bullet">
/// <item><c>apps/plain</c>: <c>python3 -m venv</c> + <c>pip install --no-index --find-links</c> of wheels written here
/// (several names and versions, one with a long description), setuptools from Debian's python-wheels, and an
/// egg-info install (pip 23.0's legacy <c>setup.py install</c>, used when <c>wheel</c> is absent).</item>
/// <item><c>apps/shared</c>: <c>--system-site-packages</c>, a PEP 660 editable install (<c>pip install -e</c>, setuptools
/// and wheel from the system), a legacy <c>setup.py develop</c> install (egg-link + easy-install.pth), and a wheel
/// of <c>six</c> at a version that shadows Debian's inherited copy.</item>
/// </list>
/// </summary>
public sealed class RealEnvironmentsFixture : IDisposable
{
    public const string Python = "/usr/bin/python3";

    public RealEnvironmentsFixture()
    {
        Root = Directory.CreateTempSubdirectory("pyfleet-envs-").FullName;
        var wheels = Directory.CreateDirectory(Path.Combine(Root, "wheels")).FullName;
        WheelBuilder.Write(wheels, "alpha", "1.0");
        WheelBuilder.Write(wheels, "Beta.Tools", "2.1.0", string.Concat(Enumerable.Repeat("A long description line that pip copies into METADATA.\n", 2000)));
        WheelBuilder.Write(wheels, "gamma_lib", "0.3.post1");
        WheelBuilder.Write(wheels, "delta", "1.0");
        WheelBuilder.Write(wheels, "delta", "2.0");
        WheelBuilder.Write(wheels, "six", "1.99.0");

        var apps = Directory.CreateDirectory(Path.Combine(Root, "apps")).FullName;
        Plain = Path.Combine(apps, "plain");
        ProcessRunner.Run(Python, Root, "-m", "venv", Plain);
        Pip(Plain, "install", "--no-index", "--find-links", wheels, "alpha", "Beta.Tools", "gamma-lib", "delta==1.0");
        Pip(Plain, "install", "--no-index", "--find-links", "/usr/share/python-wheels", "setuptools");
        var epsilon = Project("epsilon", "from setuptools import setup\nsetup(name='Epsilon', version='0.9', py_modules=['epsilon'])\n");
        Pip(Plain, "install", "--no-index", "--no-build-isolation", epsilon);

        Shared = Path.Combine(apps, "shared");
        ProcessRunner.Run(Python, Root, "-m", "venv", "--system-site-packages", Shared);
        Pip(Shared, "install", "--no-index", "--find-links", wheels, "six==1.99.0", "delta==2.0");
        EditableProject = Project("editable", null);
        Pip(Shared, "install", "--no-index", "--no-build-isolation", "-e", EditableProject);
        LegacyProject = Project("legacy", "from setuptools import setup\nsetup(name='Legacy.Dev', version='1.2', py_modules=['legacydev'])\n");
        ProcessRunner.Run(Path.Combine(Shared, "bin", "python"), LegacyProject, "setup.py", "-q", "develop");
    }

    public string Root { get; }
    public string Plain { get; }
    public string Shared { get; }
    public string EditableProject { get; }
    public string LegacyProject { get; }

    public static string Pip(string venv, params string[] arguments) =>
        ProcessRunner.Run(Path.Combine(venv, "bin", "python"), venv, ["-m", "pip", .. arguments]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder left behind must not fail the run
        }
    }

    private string Project(string name, string? setupPy)
    {
        var directory = Directory.CreateDirectory(Path.Combine(Root, "projects", name)).FullName;
        if (setupPy is not null)
        {
            File.WriteAllText(Path.Combine(directory, "setup.py"), setupPy);
            File.WriteAllText(Path.Combine(directory, setupPy.Contains("legacydev") ? "legacydev.py" : "epsilon.py"), "VALUE = 1\n");
            return directory;
        }

        Directory.CreateDirectory(Path.Combine(directory, "src", "ed_pkg"));
        File.WriteAllText(Path.Combine(directory, "src", "ed_pkg", "__init__.py"), "");
        File.WriteAllText(Path.Combine(directory, "pyproject.toml"), """
            [build-system]
            requires = ["setuptools>=64"]
            build-backend = "setuptools.build_meta"

            [project]
            name = "Ed_Pkg"
            version = "0.1.0"

            [tool.setuptools.packages.find]
            where = ["src"]
            """);
        return directory;
    }
}
