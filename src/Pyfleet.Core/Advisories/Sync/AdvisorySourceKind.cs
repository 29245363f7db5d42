namespace Pyfleet.Core.Advisories.Sync;

/// <summary>The shapes a sync source can take.</summary>
public enum AdvisorySourceKind
{
    /// <summary>A local OSV zip (path or <c>file://</c> URL), for air-gapped servers.</summary>
    LocalZip,

    /// <summary>An OSV zip over HTTP(S), e.g. <c>https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip</c>.</summary>
    RemoteZip,

    /// <summary>A local clone of the PyPA advisory-database (YAML tree).</summary>
    YamlTree,
}
