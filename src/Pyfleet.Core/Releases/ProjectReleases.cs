namespace Pyfleet.Core.Releases;

/// <summary>
/// Everything the configured indexes say about one project: its files (merged across indexes, as pip merges
/// candidates), the PEP 700 <c>versions</c> set and the PEP 792 status.
/// </summary>
/// <param name="Name">PEP 503 normalised name.</param>
/// <param name="Files">Files from every index that knows the project.</param>
/// <param name="DeclaredVersions">PEP 700 <c>versions</c> (may include versions without files); empty when not given.</param>
/// <param name="Status">Project status (PEP 792).</param>
/// <param name="Found">False when no index knows the project (404 everywhere).</param>
public sealed record ProjectReleases(
    string Name,
    IReadOnlyList<ReleaseFile> Files,
    IReadOnlyList<string> DeclaredVersions,
    ProjectStatus Status,
    bool Found = true)
{
    /// <summary>A project no index knows.</summary>
    public static ProjectReleases NotFound(string name) => new(name, [], [], ProjectStatus.Active, Found: false);

    /// <summary>The index could not be read (offline cache miss, network or server error): unknown, not absent.</summary>
    public static ProjectReleases Unavailable(string name, string reason) => NotFound(name) with { UnavailableReason = reason };

    /// <summary>Why nothing is known when the index could not be read; null when it answered.</summary>
    public string? UnavailableReason { get; init; }

    /// <summary>
    /// Groups the files by version. A release is yanked only when every file is (PEP 592 yanks files; PyPI yanks
    /// whole releases), and its Requires-Python gates are the distinct values of its files.
    /// </summary>
    public IReadOnlyList<ReleaseInfo> Releases()
    {
        var result = new List<ReleaseInfo>();
        foreach (var group in Files.Where(f => f.Version is not null).GroupBy(f => f.Version!, StringComparer.OrdinalIgnoreCase))
        {
            var files = group.ToList();
            var yanked = files.All(f => f.Yanked);
            var reason = yanked ? files.Select(f => f.YankedReason).FirstOrDefault(r => !string.IsNullOrEmpty(r)) : null;
            DateTimeOffset? uploaded = files.Where(f => f.UploadTime is not null).Select(f => f.UploadTime).Min();
            result.Add(new ReleaseInfo(group.Key, files, yanked, reason, uploaded));
        }

        return result;
    }
}
