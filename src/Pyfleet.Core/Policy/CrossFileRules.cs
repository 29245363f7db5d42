namespace Pyfleet.Core.Policy;

/// <summary>Rules comparing the files of one run: the same package pinned differently in different role files.</summary>
internal static class CrossFileRules
{
    public static IEnumerable<LintFinding> Check(IReadOnlyList<LintInput> inputs)
    {
        var pins = new Dictionary<string, (LintInput Input, LintEntry Entry)>(StringComparer.Ordinal);
        foreach (var input in inputs.Where(i => !i.IsLibrary))
        {
            foreach (var entry in input.Entries.Where(e => !e.IsConstraint && e.Version is not null && e.Marker is null))
            {
                if (!pins.TryGetValue(entry.Name, out var first))
                {
                    pins[entry.Name] = (input, entry);
                    continue;
                }

                if (first.Input != input && first.Input.Role != input.Role && first.Entry.Version != entry.Version)
                {
                    yield return new LintFinding(
                        LintRules.RolePinMismatch,
                        entry.Path,
                        entry.Line,
                        $"{entry.Name}=={entry.Version} here ({input.Role.ToString().ToLowerInvariant()}) but =={first.Entry.Version} in {first.Input.Path} ({first.Input.Role.ToString().ToLowerInvariant()})");
                }
            }
        }
    }
}
