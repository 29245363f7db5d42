namespace Pyfleet.Core.Manifests.Requirements.Internal;

/// <summary>The options of one line, in order, each with its canonical long name.</summary>
internal sealed class ParsedOptions
{
    public List<(string Name, string? Value)> Items { get; } = [];

    public IEnumerable<string> Values(string name)
    {
        foreach (var (n, v) in Items)
        {
            if (n == name && v is not null)
            {
                yield return v;
            }
        }
    }

    public bool Has(string name) => Items.Exists(i => i.Name == name);
}
