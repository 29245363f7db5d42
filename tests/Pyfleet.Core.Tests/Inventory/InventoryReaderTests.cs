using System.Reflection;
using System.Text;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Tests.Inventory;

public sealed class InventoryReaderTests
{
    // Every property set to a non-default value, so a field the hand-written reader forgets fails the round trip.
    private static readonly InventoryPackage FullPackage = new()
    {
        Name = "django",
        DisplayName = "Django",
        Version = "4.2.7",
        Installer = "pip",
        Location = "/srv/app/.venv/lib/python3.11/site-packages/Django-4.2.7.dist-info",
        Editable = true,
        Requested = true,
        Ecosystem = "conda",
        Url = "git+https://example.org/django.git@4.2.7",
        Inherited = true,
        ShadowedBy = "/usr/local/lib/python3.11/dist-packages/Django-4.2.7.dist-info",
        OsPackage = new OsPackageInfo("dpkg", "python3-django", "3:4.2.7-1", "python-django", "3:4.2.7-1+deb12u1"),
        Channel = "conda-forge",
        Specifier = "==4.2.7",
        Extras = ["argon2", "bcrypt"],
        Marker = "python_version >= \"3.8\"",
        Hashes = ["sha256:0a", "sha256:0b"],
        Origin = "requirements.txt:3",
    };

    private static readonly PythonEnvironment FullEnvironment = new()
    {
        Path = "/srv/app/.venv",
        Kind = EnvironmentKinds.Venv,
        Python = new PythonRuntime("3.11.7", "pypy"),
        Labels = ["shop", "été \"quoted\" \\ \u2603"],
        Packages = [FullPackage, new InventoryPackage { Name = "six", Version = "1.16.0" }],
        Constraints = [FullPackage with { Name = "urllib3", Specifier = "<2" }],
        Errors = [new InputError("/srv/app/requirements.txt", 7, "pip refuses this line: unknown option --frobnicate")],
    };

    private static readonly InventoryDocument FullDocument = new()
    {
        Host = new HostInfo { Name = "web1", Os = new OperatingSystemInfo("debian", "12", "bookworm", "Debian GNU/Linux 12") },
        ScannedAt = new DateTimeOffset(2026, 8, 22, 10, 0, 0, TimeSpan.FromHours(2)),
        Environments = [FullEnvironment, new PythonEnvironment { Path = "/b/requirements.txt", Kind = EnvironmentKinds.Requirements }],
        Warnings = [new ScanWarning("/c", "unreadable: é")],
        Errors = [new InputError("/d/poetry.lock", null, "not valid TOML")],
    };

    [Theory]
    [InlineData(typeof(InventoryPackage))]
    [InlineData(typeof(PythonEnvironment))]
    public void Fixture_SetsEveryProperty_SoTheRoundTripCoversThemAll(Type type)
    {
        var instance = type == typeof(InventoryPackage) ? (object)FullPackage : FullEnvironment;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(instance);
            Assert.True(value is not null && value is not false && value is not System.Collections.ICollection { Count: 0 },
                $"{type.Name}.{property.Name} is not set in the fixture: add it (and to InventoryElementReader)");
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Open_EveryFieldOfTheContract_RoundTripsExactly(bool indented)
    {
        var json = InventoryJson.Serialize(FullDocument, indented);

        var read = InventoryReader.Open(Encoding.UTF8.GetBytes(json)).ReadDocument();

        Assert.Equal(json, InventoryJson.Serialize(read, indented));
    }

    [Fact]
    public void ReadEnvironments_ReadsOneAtATime_AndAFaultInALaterOneComesWhenItIsReached()
    {
        var json = """
            {"schemaVersion":1,"host":{"name":"h"},"scannedAt":"2026-01-01T00:00:00Z","environments":[
            {"path":"/a","kind":"venv","packages":[{"name":"six","version":"1.16.0"}]},
            {"path":"/b","kind":"venv","packages":[{"name":"six","version":3}]}
            ]}
            """;
        var reader = InventoryReader.Open(Encoding.UTF8.GetBytes(json), "fleet.json");
        using var environments = reader.ReadEnvironments().GetEnumerator();

        Assert.True(environments.MoveNext());
        Assert.Equal("/a", environments.Current.Path);
        var ex = Assert.Throws<PyfleetException>(() => environments.MoveNext());
        Assert.Equal("fleet.json", ex.Path);
        Assert.Equal(3, ex.Line);
        Assert.Contains("environments[1].packages[0].version must be a string", ex.Message);
    }

    [Fact]
    public void Open_TruncatedDocument_FailsBeforeAnyEnvironmentIsHandedOut()
    {
        var json = "{\"schemaVersion\":1,\"host\":{\"name\":\"h\"},\"scannedAt\":\"2026-01-01T00:00:00Z\",\n\"environments\":[\n{\"path\":\"/a\",\"kind\":\"venv\"},\n{\"path\":\"/b\",";

        var ex = Assert.Throws<PyfleetException>(() => InventoryReader.Open(Encoding.UTF8.GetBytes(json), "cut.json"));

        Assert.Equal("cut.json", ex.Path);
        Assert.Equal(4, ex.Line);
    }

    [Fact]
    public void Open_HostAfterEnvironmentsUnknownFieldsAndBom_AreRead()
    {
        var json = "\uFEFF{\"environments\":[{\"kind\":\"venv\",\"future\":{\"x\":[1,2]},\"path\":\"/a\",\"packages\":[{\"name\":\"caf\\u00e9\",\"new\":true}]}],"
            + "\"scannedAt\":\"2026-01-01T00:00:00Z\",\"host\":{\"name\":\"h\"},\"schemaVersion\":1}";

        var reader = InventoryReader.Open(Encoding.UTF8.GetBytes(json));
        var environment = Assert.Single(reader.ReadEnvironments());

        Assert.Equal("h", reader.Host.Name);
        Assert.Equal("café", Assert.Single(environment.Packages).Name);
    }

    [Fact]
    public void ReadDocument_RepeatedNamesAndVersions_ShareOneString()
    {
        var json = """
            {"schemaVersion":1,"host":{"name":"h"},"scannedAt":"2026-01-01T00:00:00Z","environments":[
            {"path":"/a","kind":"venv","packages":[{"name":"six","version":"1.16.0"}]},
            {"path":"/b","kind":"venv","packages":[{"name":"six","version":"1.16.0"}]}]}
            """;

        var document = InventoryReader.Open(Encoding.UTF8.GetBytes(json)).ReadDocument();

        Assert.Same(document.Environments[0].Packages[0].Version, document.Environments[1].Packages[0].Version);
        Assert.Same(document.Environments[0].Packages[0].Name, document.Environments[1].Packages[0].Name);
    }

    [Theory]
    [InlineData("{\"path\":\"/a\"}", "\"kind\" is required")]
    [InlineData("{\"path\":\"/a\",\"kind\":\"venv\",\"packages\":[{\"version\":\"1\"}]}", "packages[0]: \"name\" is required")]
    [InlineData("{\"path\":\"/a\",\"kind\":\"venv\",\"packages\":{}}", "packages must be an array")]
    [InlineData("{\"path\":\"/a\",\"kind\":\"venv\",\"packages\":[{\"name\":\"x\",\"editable\":\"yes\"}]}", "editable must be true or false")]
    [InlineData("{\"path\":\"/a\",\"kind\":\"venv\",\"packages\":[{\"name\":\"x\",\"osPackage\":{\"manager\":\"dpkg\"}}]}", "\"manager\", \"name\" and \"version\" are required")]
    [InlineData("[]", "environments[0] must be an object")]
    public void ReadEnvironments_BadShape_IsAClearErrorWithTheElement(string environment, string expected)
    {
        var json = "{\"schemaVersion\":1,\"host\":{\"name\":\"h\"},\"scannedAt\":\"2026-01-01T00:00:00Z\",\n\"environments\":[\n" + environment + "]}";

        var ex = Assert.Throws<PyfleetException>(() => InventoryJson.Deserialize(json, "inv.json"));

        Assert.Contains(expected, ex.Message);
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void ReadEnvironments_InvalidUtf8InAString_IsAnErrorNotAStackTrace()
    {
        var head = Encoding.UTF8.GetBytes("{\"schemaVersion\":1,\"host\":{\"name\":\"h\"},\"scannedAt\":\"2026-01-01T00:00:00Z\",\"environments\":[{\"path\":\"/a");
        var tail = Encoding.UTF8.GetBytes("\",\"kind\":\"venv\"}]}");
        byte[] json = [.. head, 0xC3, 0x28, .. tail];

        var ex = Assert.Throws<PyfleetException>(() => InventoryJson.Deserialize(json, "bad.json"));

        Assert.Equal("bad.json", ex.Path);
    }

    [Fact]
    public void Open_MissingHost_IsRefused()
    {
        var ex = Assert.Throws<PyfleetException>(() => InventoryJson.Deserialize("{\"schemaVersion\":1,\"scannedAt\":\"2026-01-01T00:00:00Z\",\"environments\":[]}", "inv.json"));

        Assert.Contains("\"host\" is required", ex.Message);
    }
}
