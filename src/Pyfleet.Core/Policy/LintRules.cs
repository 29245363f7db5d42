namespace Pyfleet.Core.Policy;

/// <summary>Every lint rule. Ids are stable (config and SARIF consumers key on them); names are accepted too.</summary>
public static class LintRules
{
    public static readonly LintRule ParseError = new("PF000", "parse-error", LintSeverity.Error, "The file has a line the installing tool would reject.");
    public static readonly LintRule ParseWarning = new("PF014", "parse-warning", LintSeverity.Warning, "The installing tool would warn about this line.");
    public static readonly LintRule Unpinned = new("PF001", "unpinned", LintSeverity.Error, "A deployment file must pin every requirement with == (or ===).");
    public static readonly LintRule LibraryPinned = new("PF002", "library-pinned", LintSeverity.Warning, "A library (pyproject of a distributable package) should declare ranges, not == pins.");
    public static readonly LintRule HashesIncomplete = new("PF003", "hashes-incomplete", LintSeverity.Error, "When any requirement has --hash (or --require-hashes is set) pip checks hashes for all: every requirement needs one.");
    public static readonly LintRule HashMalformed = new("PF004", "hash-malformed", LintSeverity.Error, "A hash must be sha256/sha384/sha512 with a hex digest of the right length.");
    public static readonly LintRule IncompleteForNoDeps = new("PF005", "incomplete-for-no-deps", LintSeverity.Error, "With pip install --no-deps every dependency of every pinned package must itself be pinned.");
    public static readonly LintRule DuplicatePin = new("PF006", "duplicate-pin", LintSeverity.Warning, "The same package is listed more than once across the included files.");
    public static readonly LintRule ConflictingPin = new("PF007", "conflicting-pin", LintSeverity.Error, "The same package is pinned to different versions across the included files.");
    public static readonly LintRule DirectReferenceInProduction = new("PF008", "direct-reference-in-production", LintSeverity.Error, "Production files must install from the index: no -e, VCS, URL or local path requirements.");
    public static readonly LintRule IndexNotAllowed = new("PF009", "index-not-allowed", LintSeverity.Error, "Index options (--index-url, --extra-index-url, --find-links) must point to an allowed index.");
    public static readonly LintRule RolePinMismatch = new("PF010", "role-pin-mismatch", LintSeverity.Warning, "Role files (prod/dev/test) pin the same package to different versions.");
    public static readonly LintRule DriftMissing = new("PF011", "drift-missing", LintSeverity.Error, "A pinned package is not installed in the environment.");
    public static readonly LintRule DriftVersion = new("PF012", "drift-version", LintSeverity.Error, "The installed version differs from the pin.");
    public static readonly LintRule DriftExtra = new("PF013", "drift-extra", LintSeverity.Warning, "A package is installed in the environment but not declared.");

    public static IReadOnlyList<LintRule> All { get; } =
    [
        ParseError, Unpinned, LibraryPinned, HashesIncomplete, HashMalformed, IncompleteForNoDeps, DuplicatePin,
        ConflictingPin, DirectReferenceInProduction, IndexNotAllowed, RolePinMismatch, DriftMissing, DriftVersion,
        DriftExtra, ParseWarning,
    ];

    /// <summary>The rule with this id or name (case-insensitive), or null.</summary>
    public static LintRule? Find(string idOrName) =>
        All.FirstOrDefault(r => r.Id.Equals(idOrName, StringComparison.OrdinalIgnoreCase) || r.Name.Equals(idOrName, StringComparison.OrdinalIgnoreCase));
}
