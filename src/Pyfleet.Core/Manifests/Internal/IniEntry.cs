namespace Pyfleet.Core.Manifests.Internal;

/// <summary>One <c>key = value</c> of an INI-like file, with the line of each value line.</summary>
/// <param name="Section">The section header text (between the brackets, trimmed).</param>
/// <param name="Key">The key as written (trimmed).</param>
/// <param name="Operator"><c>=</c>, or buildout's <c>+=</c> / <c>-=</c>.</param>
/// <param name="Lines">The value: first the text after the operator, then each continuation line, each with its line.</param>
/// <param name="Line">The line of the key.</param>
internal sealed record IniEntry(string Section, string Key, string Operator, IReadOnlyList<(string Text, int Line)> Lines, int Line)
{
    /// <summary>The value as configparser / buildout join it: lines joined with <c>\n</c>, outer whitespace trimmed.</summary>
    public string Value => string.Join("\n", Lines.Select(l => l.Text)).Trim();
}
