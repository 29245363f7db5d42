using System.Text.RegularExpressions;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Manifests;
using Pyfleet.Core.Manifests.Buildout;
using Pyfleet.Core.Manifests.Internal;
using Pyfleet.Packaging.Names;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Core.Releases.Fixing;

/// <summary>
/// Reads the pins of a zc.buildout <c>versions.cfg</c> (FORMATS §5.6): the section named by
/// <c>[buildout] versions =</c> (default <c>versions</c>) and its conditional variants <c>[versions:…]</c>;
/// <c>name = 1.4.2</c> or <c>name = ==1.4.2</c> are pins, <c>&lt;</c>/<c>&gt;</c> values are ranges and left alone.
/// Refuses what it cannot edit safely: <c>+=</c>/<c>-=</c>, <c>${…}</c> substitutions and continuation lines;
/// values that are not PEP 440 versions are left alone. An inline <c># note</c> after whitespace is a comment, as in the Manifests
/// <see cref="BuildoutReader"/> (one rule, <see cref="IniReader.StripInlineComment"/>); the rewrite keeps it.
/// </summary>
public static partial class BuildoutPinReader
{
    /// <summary>True when <paramref name="path"/> looks like a buildout file (<c>*.cfg</c>); the content decides in <see cref="ReadChecked"/>.</summary>
    public static bool CanRead(string path) => path.EndsWith(".cfg", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the file at <paramref name="path"/> (whose contents are <paramref name="text"/>) after the Manifests
    /// <see cref="BuildoutReader"/> has read it with everything it <c>extends</c>: any error there (bad INI syntax,
    /// an extends cycle, a missing extended file) refuses the file with its file and line. Returns the reader's
    /// warnings beside the pins.
    /// </summary>
    public static (PinnedFile File, IReadOnlyList<ManifestDiagnostic> Warnings) ReadChecked(string path, string text, ManifestReadOptions? options = null)
    {
        var check = new BuildoutReader().Read(path, options ?? ManifestReadOptions.Default);
        if (check.Diagnostics.FirstOrDefault(d => d.Severity == ManifestSeverity.Error) is { } error)
        {
            throw new PyfleetException(error.Message, error.Path, error.Line);
        }

        return (Read(path, text), check.Diagnostics);
    }

    /// <summary>Reads <paramref name="text"/> (the versions sections of this one file; <c>extends</c> is not followed).</summary>
    public static PinnedFile Read(string path, string text)
    {
        var (lines, endings) = PinnedFile.SplitLines(text);
        var versionsSection = FindVersionsSection(lines);
        var pins = new List<PinLocation>();
        string? section = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || line.StartsWith('#') || line.StartsWith(';'))
            {
                continue;
            }

            var header = SectionRegex().Match(line);
            if (header.Success)
            {
                section = header.Groups["name"].Value.Trim();
                continue;
            }

            var inVersions = section is not null && (section == versionsSection || section.StartsWith(versionsSection + ":", StringComparison.Ordinal));
            if (!inVersions)
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]))
            {
                throw new PyfleetException("continuation lines in a versions section are not supported", path, i + 1);
            }

            var option = OptionRegex().Match(line);
            if (!option.Success)
            {
                throw new PyfleetException($"cannot parse '{trimmed}'", path, i + 1);
            }

            if (option.Groups["op"].Value.Length > 0 || option.Groups["value"].Value.Contains("${", StringComparison.Ordinal))
            {
                throw new PyfleetException("'+=', '-=' and ${...} substitutions are not supported by fix", path, i + 1);
            }

            var valueGroup = option.Groups["value"];
            var value = IniReader.StripInlineComment(" " + valueGroup.Value).Trim(); // the same inline-comment rule as the Manifests reader
            if (value.Length == 0 || value[0] is '<' or '>' or '!' or '~')
            {
                continue; // unpinned or a range constraint
            }

            var column = valueGroup.Index;
            if (value.StartsWith("==", StringComparison.Ordinal))
            {
                column += 2 + (value.Length - value[2..].TrimStart().Length - 2);
                value = value[2..].TrimStart();
            }

            if (!Pep440Version.TryParse(value, out _))
            {
                continue; // not a PEP 440 version (pytz = 2010h): no release to compare, left as it is; the reader warns
            }

            pins.Add(new PinLocation(PackageName.Normalize(option.Groups["name"].Value), value, i, column, i, HasHashes: false));
        }

        return new PinnedFile(path, lines, endings, pins, IsBuildout: true);
    }

    private static string FindVersionsSection(List<string> lines)
    {
        var inBuildout = false;
        foreach (var line in lines)
        {
            var header = SectionRegex().Match(line);
            if (header.Success)
            {
                inBuildout = header.Groups["name"].Value.Trim() == "buildout";
                continue;
            }

            var option = OptionRegex().Match(line);
            if (inBuildout && option.Success && option.Groups["name"].Value == "versions")
            {
                return option.Groups["value"].Value.Trim();
            }
        }

        return "versions";
    }

    [GeneratedRegex(@"^\[(?<name>[^\]]+)\]\s*([#;].*)?$")]
    private static partial Regex SectionRegex();

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?<op>[+-]?)=\s*(?<value>.*)$")]
    private static partial Regex OptionRegex();
}
