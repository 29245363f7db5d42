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

                // Compared by the file each pin is written in: dev.txt's "-r prod.txt" lines are prod.txt's pins, so
                // prod.txt is never compared with itself (issue 11 §4), and the roles are those of the two files.
                var role = FileRoles.Of(entry.Path);
                var firstRole = FileRoles.Of(first.Entry.Path);
                if (first.Entry.Path != entry.Path && firstRole != role && first.Entry.Version != entry.Version)
                {
                    yield return new LintFinding(
                        LintRules.RolePinMismatch,
                        entry.Path,
                        entry.Line,
                        $"{entry.Name}=={entry.Version} here ({role.ToString().ToLowerInvariant()}) but =={first.Entry.Version} in {first.Entry.Path}:{first.Entry.Line} ({firstRole.ToString().ToLowerInvariant()})");
                }
            }
        }
    }
}
