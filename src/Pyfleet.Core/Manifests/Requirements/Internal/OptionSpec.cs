namespace Pyfleet.Core.Manifests.Requirements.Internal;

/// <summary>One option pip's requirements-file parser knows (<c>req_file.SUPPORTED_OPTIONS</c> and <c>_REQ</c>).</summary>
/// <param name="Long">Canonical long name.</param>
/// <param name="Aliases">Other long names (pip's hidden aliases).</param>
/// <param name="Short">Short name, e.g. <c>-r</c>, or null.</param>
/// <param name="TakesValue">True when the option needs an argument.</param>
/// <param name="RemovedIn">When set, pip removed the option in that version and rejects it.</param>
internal sealed record OptionSpec(string Long, string[] Aliases, string? Short, bool TakesValue, string? RemovedIn = null)
{
    /// <summary>Options valid in a requirements file: pip 26 (<c>cli/cmdoptions.py</c>, FORMATS.md §3.3).</summary>
    public static readonly OptionSpec[] All =
    [
        new("--index-url", ["--pypi-url"], "-i", true),
        new("--extra-index-url", [], null, true),
        new("--no-index", [], null, false),
        new("--constraint", [], "-c", true),
        new("--requirement", [], "-r", true),
        new("--editable", [], "-e", true),
        new("--find-links", [], "-f", true),
        new("--no-binary", [], null, true),
        new("--only-binary", [], null, true),
        new("--prefer-binary", [], null, false),
        new("--require-hashes", [], null, false),
        new("--no-require-hashes", [], null, false),
        new("--pre", [], null, false),
        new("--all-releases", [], null, true),
        new("--only-final", [], null, true),
        new("--trusted-host", [], null, true),
        new("--use-feature", [], null, true),
        new("--hash", [], null, true),
        new("--config-settings", [], "-C", true),

        // Kept so pip's own message can be given instead of "no such option".
        new("--install-option", [], null, true, "23.1"),
        new("--global-option", [], null, true, "25.3"),
        new("--build-option", [], null, true, "25.3"),
    ];
}
