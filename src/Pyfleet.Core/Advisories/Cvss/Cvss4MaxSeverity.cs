namespace Pyfleet.Core.Advisories.Cvss;

/// <summary>
/// Data of the CVSS v4.0 scoring interpolation, from the reference calculator (RedHatProductSecurity/cvss-v4-calculator,
/// <c>max_composed.js</c> and <c>max_severity.js</c>, also <c>CVSS40.MAX_COMPOSED</c> / <c>MAX_SEVERITY</c> in
/// <c>cvss40.js</c>; Copyright FIRST, Red Hat, and contributors, BSD-2-Clause): the highest-severity vectors of each
/// EQ level, and the depth (max severity distance + 1, in 0.1 steps) of each EQ level.
/// </summary>
internal static class Cvss4MaxSeverity
{
    /// <summary>Depth of EQ1 levels 0..2.</summary>
    public static readonly int[] Eq1 = [1, 4, 5];

    /// <summary>Depth of EQ2 levels 0..1.</summary>
    public static readonly int[] Eq2 = [1, 2];

    /// <summary>Depth of EQ4 levels 0..2.</summary>
    public static readonly int[] Eq4 = [6, 5, 4];

    // Highest-severity vector parts per EQ level, in the reference order (the first dominating one wins).
    private static readonly string[][] _eq1Max =
    [
        ["AV:N/PR:N/UI:N"],
        ["AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"],
        ["AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"],
    ];

    private static readonly string[][] _eq2Max = [["AC:L/AT:N"], ["AC:H/AT:N", "AC:L/AT:P"]];

    // EQ3 and EQ6 are joint: index [eq3][eq6]; (2,0) cannot occur (no high impact means EQ6 is 1).
    private static readonly string[][][] _eq3Eq6Max =
    [
        [
            ["VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"],
            ["VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"],
        ],
        [
            ["VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"],
            [
                "VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
                "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M",
            ],
        ],
        [[], ["VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"]],
    ];

    private static readonly string[][] _eq4Max = [["SC:H/SI:S/SA:S"], ["SC:H/SI:H/SA:H"], ["SC:L/SI:L/SA:L"]];

    private static readonly string[][] _eq5Max = [["E:A"], ["E:P"], ["E:U"]];

    /// <summary>Depth of the joint EQ3/EQ6 level.</summary>
    public static int Eq3Eq6(int eq3, int eq6) => (eq3, eq6) switch
    {
        (0, 0) => 7,
        (0, 1) => 6,
        (1, 0) => 8,
        (1, 1) => 8,
        (2, 1) => 10,
        _ => throw new ArgumentOutOfRangeException(nameof(eq3), $"EQ3={eq3} EQ6={eq6} is not a MacroVector"),
    };

    /// <summary>All composed highest-severity vectors of a MacroVector, in reference order, as metric → value.</summary>
    public static IEnumerable<Dictionary<string, string>> MaxVectors(int[] eq)
    {
        foreach (var eq1 in _eq1Max[eq[0]])
        {
            foreach (var eq2 in _eq2Max[eq[1]])
            {
                foreach (var eq3 in _eq3Eq6Max[eq[2]][eq[5]])
                {
                    foreach (var eq4 in _eq4Max[eq[3]])
                    {
                        foreach (var eq5 in _eq5Max[eq[4]])
                        {
                            yield return string.Join('/', eq1, eq2, eq3, eq4, eq5).Split('/')
                                .Select(part => part.Split(':'))
                                .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
                        }
                    }
                }
            }
        }
    }
}
