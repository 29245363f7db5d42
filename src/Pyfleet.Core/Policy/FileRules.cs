using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests;
using Pyfleet.Core.Manifests.Requirements.Internal;

namespace Pyfleet.Core.Policy;

/// <summary>The rules that look at one file (with what it includes).</summary>
internal static class FileRules
{
    public static IEnumerable<LintFinding> Check(LintInput input, LintOptions options)
    {
        foreach (var diagnostic in input.Diagnostics)
        {
            // Malformed digests are PF004's; do not report them twice.
            if (diagnostic.Severity == ManifestSeverity.Warning && diagnostic.Message.StartsWith("--hash", StringComparison.Ordinal))
            {
                continue;
            }

            var rule = diagnostic.Severity == ManifestSeverity.Error ? LintRules.ParseError : LintRules.ParseWarning;
            yield return new LintFinding(rule, diagnostic.Path, diagnostic.Line, diagnostic.Message);
        }

        var requirements = input.Entries.Where(e => !e.IsConstraint).ToList();
        foreach (var finding in Pins(input, requirements).Concat(Hashes(input, requirements)).Concat(Duplicates(input, requirements)))
        {
            yield return finding;
        }

        if (FileRoles.IsProduction(input.Role) && !input.IsLibrary)
        {
            foreach (var e in requirements.Where(e => e.IsEditable || e.IsDirectReference))
            {
                var what = e.IsEditable ? "an editable (-e) requirement" : "a direct URL/VCS/path requirement";
                yield return new LintFinding(LintRules.DirectReferenceInProduction, e.Path, e.Line, $"{e.Name} is {what} in a production file; publish it to the index and pin it with ==");
            }
        }

        foreach (var finding in Indexes(input, options))
        {
            yield return finding;
        }
    }

    private static IEnumerable<LintFinding> Pins(LintInput input, List<LintEntry> requirements)
    {
        foreach (var e in requirements)
        {
            if (input.IsLibrary && e.Version is not null)
            {
                yield return new LintFinding(LintRules.LibraryPinned, e.Path, e.Line, $"{e.Name}=={e.Version}: a library should declare a range (>=, ~=), not an exact pin, or its users cannot resolve");
            }
            else if (!input.IsLibrary && e.Version is null && !e.IsDirectReference)
            {
                var how = e.Specifier is null ? "has no version" : $"is '{e.Specifier}', not an exact pin";
                yield return new LintFinding(LintRules.Unpinned, e.Path, e.Line, $"{e.Name} {how}; pin it with == for a reproducible deployment");
            }
        }
    }

    private static IEnumerable<LintFinding> Hashes(LintInput input, List<LintEntry> requirements)
    {
        foreach (var e in input.Entries)
        {
            foreach (var hash in e.Hashes.Where(h => !HashOption.IsWellFormed(h)))
            {
                yield return new LintFinding(LintRules.HashMalformed, e.Path, e.Line, $"{e.Name}: malformed hash '{hash}' (expected sha256/sha384/sha512 with 64/96/128 hex digits)");
            }
        }

        if (!input.HashMode || input.Kind != EnvironmentKinds.Requirements)
        {
            yield break;
        }

        foreach (var e in requirements.Where(e => e.Hashes.Count == 0))
        {
            var why = e.IsEditable ? "editable requirements cannot be hash-checked" : "pip's hash-checking mode is on (a --hash or --require-hashes elsewhere) and rejects it";
            yield return new LintFinding(LintRules.HashesIncomplete, e.Path, e.Line, $"{e.Name} has no --hash: {why}");
        }
    }

    // Same name listed twice under the same marker: a conflict when the pins differ, else a duplicate.
    // Lock files may list a name once per resolution fork, so only requirements files are checked.
    private static IEnumerable<LintFinding> Duplicates(LintInput input, List<LintEntry> requirements)
    {
        if (input.Kind != EnvironmentKinds.Requirements)
        {
            yield break;
        }

        var seen = new Dictionary<(string, string?), LintEntry>();
        foreach (var e in requirements)
        {
            if (!seen.TryAdd((e.Name, e.Marker), e))
            {
                var first = seen[(e.Name, e.Marker)];
                var conflict = first.Version is not null && e.Version is not null && first.Version != e.Version;
                yield return conflict
                    ? new LintFinding(LintRules.ConflictingPin, e.Path, e.Line, $"{e.Name}=={e.Version} conflicts with {e.Name}=={first.Version} at {first.Path}:{first.Line}")
                    : new LintFinding(LintRules.DuplicatePin, e.Path, e.Line, $"{e.Name} is also listed at {first.Path}:{first.Line}");
            }
        }

        foreach (var c in input.Entries.Where(e => e.IsConstraint && e.Version is not null))
        {
            foreach (var e in requirements.Where(r => r.Name == c.Name && r.Version is not null && r.Version != c.Version))
            {
                yield return new LintFinding(LintRules.ConflictingPin, e.Path, e.Line, $"{e.Name}=={e.Version} conflicts with the constraint {c.Name}=={c.Version} at {c.Path}:{c.Line}");
            }
        }
    }

    private static IEnumerable<LintFinding> Indexes(LintInput input, LintOptions options)
    {
        if (options.AllowedIndexes.Count == 0)
        {
            yield break;
        }

        var allowed = options.AllowedIndexes.Select(Canonical).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var option in input.Options.Where(o => o.Name is "--index-url" or "--extra-index-url" or "--find-links"))
        {
            if (option.Value is { } value && !allowed.Contains(Canonical(value)))
            {
                yield return new LintFinding(LintRules.IndexNotAllowed, option.Path, option.Line, $"{option.Name} {value} is not an allowed index ({string.Join(", ", options.AllowedIndexes.Select(Http.UrlRedactor.Redact))})");
            }
        }
    }

    // Compare without credentials and trailing slashes: https://user:pw@mirror/simple/ == https://mirror/simple.
    private static string Canonical(string url)
    {
        return Http.UrlRedactor.WithoutCredentials(url).TrimEnd('/');
    }
}
