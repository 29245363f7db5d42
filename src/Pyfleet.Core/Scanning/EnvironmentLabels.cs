namespace Pyfleet.Core.Scanning;

/// <summary>Labels from a list of (environment path, label) pairs; paths compare after full-path normalisation.</summary>
public sealed class EnvironmentLabels : IEnvironmentLabels
{
    private readonly Dictionary<string, List<string>> _byPath = new(StringComparer.Ordinal);

    /// <summary>No labels at all.</summary>
    public static EnvironmentLabels None { get; } = new([]);

    public EnvironmentLabels(IEnumerable<KeyValuePair<string, string>> pathLabels)
    {
        foreach (var (path, label) in pathLabels)
        {
            var key = Normalize(path);
            if (!_byPath.TryGetValue(key, out var labels))
            {
                _byPath[key] = labels = [];
            }

            if (!labels.Contains(label, StringComparer.Ordinal))
            {
                labels.Add(label);
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> For(string environmentPath) =>
        _byPath.TryGetValue(Normalize(environmentPath), out var labels) ? labels : [];

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
