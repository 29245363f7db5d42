namespace Pyfleet.Core.Manifests.Requirements;

/// <summary>Where a requirement line installs from.</summary>
public enum RequirementSourceKind
{
    /// <summary>A name (and specifier) resolved through the package index.</summary>
    Index,

    /// <summary>A direct URL to an archive (<c>name @ https://…</c> or a bare archive URL).</summary>
    Url,

    /// <summary>A version-control URL (<c>git+https://…</c>).</summary>
    Vcs,

    /// <summary>A local directory, archive or wheel (path or <c>file:</c> URL).</summary>
    LocalPath,
}
