using System.Text;

namespace Pyfleet.Fuzz;

/// <summary>Seeds for targets whose format has no fixture file of its own.</summary>
internal static class Samples
{
    public static byte[][] Yaml { get; } = Of(
        "id: PYSEC-2021-1\nmodified: 2021-01-01T00:00:00Z\naffected:\n- package:\n    name: demo\n    ecosystem: PyPI\n  ranges:\n  - type: ECOSYSTEM\n    events:\n    - introduced: \"0\"\n    - fixed: 1.0\n  versions: [0.1, 0.2]\n");

    public static byte[][] Inventory { get; } = Of(
        "{\"schemaVersion\":1,\"host\":{\"name\":\"h\"},\"scannedAt\":\"2026-01-01T00:00:00Z\",\"environments\":[{\"path\":\"/srv/.venv\",\"kind\":\"venv\",\"python\":{\"version\":\"3.11.2\"},\"labels\":[\"a\"],\"packages\":[{\"name\":\"six\",\"version\":\"1.16.0\",\"location\":\"/x\",\"installer\":\"pip\"}],\"errors\":[{\"path\":\"/p\",\"line\":3,\"message\":\"m\"}]}],\"warnings\":[{\"path\":\"/w\",\"message\":\"w\"}]}");

    public static byte[][] Metadata { get; } = Of(
        "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nSummary: x\n\nBody\n",
        "Metadata-Version: 1.0\r\nName: caf\xe9\r\n Version: 2\r\nVersion: 2.0\r\n\r\n");

    public static byte[][] DirectUrl { get; } = Of(
        "{\"url\": \"file:///src/demo\", \"dir_info\": {\"editable\": true}}",
        "{\"url\": \"https://user:pw@example.com/x.git\", \"vcs_info\": {\"vcs\": \"git\", \"commit_id\": \"abc\"}}");

    public static byte[][] Versions { get; } = Of("1.0", "1!2.0.post1.dev3+local.7", "v1.0rc1", "1.0.0-alpha_1", "0");

    public static byte[][] Specifiers { get; } = Of(">=1.0,<2", "~=1.4.5", "==1.*", "!=1.0.post1", "===foo", ">1.0a1");

    public static byte[][] Requirements { get; } = Of(
        "requests[security,socks]>=2.8.1,==2.8.*; python_version < \"2.7\"",
        "name @ https://example.com/pkg.whl ; extra == 'x'", "pip @ file:///localbuilds/pip-1.3.1.zip", "A.B-C_D");

    public static byte[][] Markers { get; } = Of(
        "python_version >= '3.8' and (sys_platform == 'linux' or os_name != \"nt\")",
        "extra == 'test' or platform_machine in 'x86_64 aarch64'", "'3.8' < python_full_version", "implementation_name == \"cpython\"");

    private static byte[][] Of(params string[] texts) => [.. texts.Select(t => Encoding.Latin1.GetBytes(t))];
}
