namespace Pyfleet.Core.Releases;

/// <summary>
/// One distribution file of a release as an index lists it (PEP 503 anchor, PEP 691 file object or a PyPI JSON
/// API file entry). Spec: https://packaging.python.org/en/latest/specifications/simple-repository-api/
/// </summary>
/// <param name="Filename">The file name (<c>Django-3.2.25-py3-none-any.whl</c>).</param>
/// <param name="Url">Absolute download URL (credentials never included).</param>
/// <param name="Version">The version taken from the file name (wheel or sdist rules); null when not recognisable.</param>
/// <param name="Hashes">Lowercase algorithm → lowercase hex digest.</param>
/// <param name="RequiresPython">The file's <c>Requires-Python</c>, unescaped; null when absent.</param>
/// <param name="Yanked">PEP 592 yank flag.</param>
/// <param name="YankedReason">The yank reason when given (may be empty).</param>
/// <param name="UploadTime">PEP 700 <c>upload-time</c> or the JSON API's upload time.</param>
public sealed record ReleaseFile(
    string Filename,
    string Url,
    string? Version,
    IReadOnlyDictionary<string, string> Hashes,
    string? RequiresPython,
    bool Yanked,
    string? YankedReason,
    DateTimeOffset? UploadTime);
