namespace Pyfleet.Core.Scanning.Internal;

/// <summary>
/// Maps the paths the scanned system sees ("logical", reported) to the paths this process opens ("physical"):
/// identical without <c>--root</c>, prefixed by the root folder with it.
/// </summary>
internal sealed class PathMap
{
    private readonly string _root;

    public PathMap(string? rootPrefix)
    {
        _root = string.IsNullOrEmpty(rootPrefix) ? "" : Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootPrefix));
        if (_root == "/")
        {
            _root = "";
        }
    }

    public bool HasRoot => _root.Length > 0;

    /// <summary>The physical path of an absolute logical path.</summary>
    public string ToPhysical(string logical) => _root.Length == 0 ? logical : _root + logical;

    /// <summary>The logical path of a physical path under the root (unchanged when outside it).</summary>
    public string ToLogical(string physical)
    {
        if (_root.Length == 0)
        {
            return physical;
        }

        if (physical.Length == _root.Length && physical == _root)
        {
            return "/";
        }

        return physical.StartsWith(_root, StringComparison.Ordinal) && physical.Length > _root.Length && physical[_root.Length] == '/'
            ? physical[_root.Length..]
            : physical;
    }
}
