namespace Pyfleet.Core.Advisories.Cvss;

/// <summary>
/// CVSS v4.0 base score. Not implemented yet: the MacroVector lookup table of the FIRST reference calculator is
/// not vendored, so every v4 vector reports false and the evaluator falls back to v3 or the database rating.
/// </summary>
public static class Cvss4Calculator
{
    /// <summary>Returns false: v4.0 scoring is not available in this build (see the class remarks).</summary>
    public static bool TryScore(string vector, out double score)
    {
        score = 0;
        return false;
    }
}
