namespace Pyfleet.Core.Reporting.CycloneDx.Internal;

/// <summary>
/// Hands out <c>bom-ref</c> values, unique in one BOM as the schema demands: the wanted value the first time,
/// then <c>value#2</c>, <c>value#3</c>… (the same package in several environments is a component of each).
/// </summary>
internal sealed class BomRefs
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string Take(string wanted)
    {
        if (_used.Add(wanted))
        {
            return wanted;
        }

        for (var n = 2; ; n++)
        {
            var candidate = $"{wanted}#{n}";
            if (_used.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
