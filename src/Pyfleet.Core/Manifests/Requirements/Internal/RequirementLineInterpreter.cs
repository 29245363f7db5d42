using System.Text.RegularExpressions;
using Pyfleet.Core.Http;
using Pyfleet.Core.Manifests.Internal;
using Pyfleet.Packaging.Markers;
using Pyfleet.Packaging.Requirements;
using Pyfleet.Packaging.Specifiers;

namespace Pyfleet.Core.Manifests.Requirements.Internal;

/// <summary>
/// Turns the requirement part of a line into a <see cref="RequirementsEntry"/> the way pip's
/// <c>req/constructors.py</c> does (<c>parse_req_from_line</c>, <c>parse_editable</c>). Local paths are only
/// looked at (exists / is a directory), never executed.
/// </summary>
internal static partial class RequirementLineInterpreter
{
    /// <summary>A non-editable line; null (with an error in <paramref name="context"/>) when pip would reject it.</summary>
    public static RequirementsEntry? FromLine(string text, LineContext context)
    {
        // Marker separator: "; " for URLs (a URL may contain ';'), else the first ';' (FORMATS.md §3.2).
        var isUrl = PipLink.IsUrl(text);
        var name = text;
        string? markerText = null;
        var separator = name.IndexOf(isUrl ? "; " : ";", StringComparison.Ordinal);
        if (separator >= 0)
        {
            markerText = name[(separator + 1)..].Trim();
            name = name[..separator];
            if (markerText.Length == 0)
            {
                markerText = null;
            }
        }

        Marker? marker = null;
        if (markerText is not null && !Marker.TryParse(markerText, out marker, out var markerError))
        {
            context.Error($"Invalid marker: '{markerText}': {markerError}");
            return null;
        }

        name = name.Trim();
        string? url = null;
        string? requirementText;
        IReadOnlyList<string> pathExtras = [];
        var kind = RequirementSourceKind.Index;
        if (isUrl)
        {
            url = name;
            kind = PipLink.IsVcs(name) ? RequirementSourceKind.Vcs : PipLink.Scheme(name) == "file" ? RequirementSourceKind.LocalPath : RequirementSourceKind.Url;
        }
        else if (PathUrl(name, context, out var extrasText) is { } pathUrl)
        {
            url = pathUrl;
            kind = RequirementSourceKind.LocalPath;
            pathExtras = ParseExtras(extrasText, context);
        }

        if (url is not null)
        {
            var fileName = PipLink.FileName(url);
            if (fileName.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
            {
                if (!WheelFileName.TryParse(fileName, out var wheelName, out var wheelVersion))
                {
                    context.Error($"{fileName} is not a valid wheel filename.");
                    return null;
                }

                requirementText = $"{wheelName}=={wheelVersion}";
            }
            else
            {
                requirementText = EggName(url, context);
            }
        }
        else
        {
            requirementText = name;
        }

        var entry = new RequirementsEntry
        {
            Path = context.Path,
            Line = context.Line,
            Text = UrlRedactor.Redact(text),
            IsConstraint = context.IsConstraint,
            Url = url is null ? null : UrlRedactor.Redact(url),
            SourceKind = kind,
            Marker = marker?.ToString(),
            Extras = pathExtras,
        };
        if (requirementText is null)
        {
            // pip installs it and learns the name from the built metadata; we never build, so it stays unnamed.
            context.Warn($"unnamed requirement '{entry.Text}': listed with name null; its project name is only known after building it (add #egg=name or use 'name @ url')");
            return entry;
        }

        return WithRequirement(entry, requirementText, context);
    }

    /// <summary>An <c>-e</c> line: a local project directory or a VCS URL with <c>#egg=</c> (or pip 26's <c>name @ vcs-url</c>).</summary>
    public static RequirementsEntry? FromEditable(string text, LineContext context)
    {
        var entry = new RequirementsEntry
        {
            Path = context.Path,
            Line = context.Line,
            Text = UrlRedactor.Redact(text),
            IsConstraint = context.IsConstraint,
            IsEditable = true,
        };

        var (withoutExtras, extrasText) = StripExtras(text);
        var directory = ResolvePath(withoutExtras, context);
        if (Directory.Exists(directory))
        {
            var url = PipLink.PathToUrl(directory);
            entry = entry with { Url = url, SourceKind = RequirementSourceKind.LocalPath, Extras = ParseExtras(extrasText, context) };
            return EggName(url, context) is { } egg ? WithRequirement(entry, egg, context) : entry;
        }

        if (withoutExtras.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            entry = entry with { Url = withoutExtras, SourceKind = RequirementSourceKind.LocalPath, Extras = ParseExtras(extrasText, context) };
            return EggName(withoutExtras, context) is { } egg ? WithRequirement(entry, egg, context) : entry;
        }

        var vcsUrl = text;
        foreach (var vcs in (string[])["git", "hg", "svn", "bzr"])
        {
            if (vcsUrl.StartsWith(vcs + ":", StringComparison.OrdinalIgnoreCase))
            {
                vcsUrl = $"{vcs}+{vcsUrl}";
                break;
            }
        }

        if (!PipLink.IsVcs(vcsUrl))
        {
            // pip >= 25.1 also accepts a PEP 508 direct reference to a VCS URL: -e "name @ git+https://…".
            if (Requirement.TryParse(text, out var direct, out _) && direct.Url is { } directUrl && PipLink.IsVcs(directUrl))
            {
                entry = entry with { Url = UrlRedactor.Redact(directUrl), SourceKind = RequirementSourceKind.Vcs };
                return WithRequirement(entry, text, context);
            }

            context.Error($"{UrlRedactor.Redact(text)} is not a valid editable requirement. It should either be a path to a local project or a VCS URL (beginning with {string.Join(", ", PipLink.VcsSchemes.Order(StringComparer.Ordinal))}).");
            return null;
        }

        entry = entry with { Url = UrlRedactor.Redact(vcsUrl), SourceKind = RequirementSourceKind.Vcs };
        var name = EggName(vcsUrl, context);
        if (name is null)
        {
            context.Error($"Could not detect requirement name for '{UrlRedactor.Redact(text)}', please specify one with #egg=your_package_name");
            return null;
        }

        return WithRequirement(entry, name, context);
    }

    private static RequirementsEntry? WithRequirement(RequirementsEntry entry, string requirementText, LineContext context)
    {
        if (!Requirement.TryParse(requirementText, out var requirement, out var error))
        {
            var hint = requirementText.Contains('/') || requirementText.Contains(Path.DirectorySeparatorChar)
                ? " Hint: It looks like a path. File '" + requirementText + "' does not exist."
                : requirementText.Contains('=') && !OperatorRegex().IsMatch(requirementText)
                    ? " Hint: = is not a valid operator. Did you mean == ?"
                    : "";
            context.Error($"Invalid requirement: '{UrlRedactor.Redact(requirementText)}': {error}.{hint}");
            return null;
        }

        var specifier = requirement.Specifier;
        var specifierText = specifier.Specifiers.Count == 0 ? null : specifier.ToString();
        var extras = entry.Extras.Count > 0 ? entry.Extras : requirement.Extras;
        return entry with
        {
            Name = requirement.Name,
            NormalizedName = requirement.NormalizedName,
            Specifier = specifierText,
            PinnedVersion = Pinned(specifier),
            Extras = extras,
            Marker = entry.Marker ?? requirement.Marker?.ToString(),
            Url = entry.Url ?? (requirement.Url is { } u ? UrlRedactor.Redact(u) : null),
            SourceKind = entry.Url is null && requirement.Url is { } directUrl
                ? PipLink.IsVcs(directUrl) ? RequirementSourceKind.Vcs : PipLink.Scheme(directUrl) == "file" ? RequirementSourceKind.LocalPath : RequirementSourceKind.Url
                : entry.SourceKind,
        };
    }

    /// <summary>The exact version of a single <c>==V</c> (no wildcard) or <c>===V</c>, else null.</summary>
    internal static string? Pinned(SpecifierSet set)
    {
        if (set.Specifiers.Count != 1)
        {
            return null;
        }

        var only = set.Specifiers[0];
        return only.Operator switch
        {
            SpecifierOperator.Equal when !only.VersionText.EndsWith(".*", StringComparison.Ordinal) => only.VersionText,
            SpecifierOperator.ArbitraryEqual => only.VersionText,
            _ => null,
        };
    }

    // pip's _get_url_from_path: an installable directory or an archive file becomes a file: URL.
    private static string? PathUrl(string name, LineContext context, out string? extrasText)
    {
        (var withoutExtras, extrasText) = StripExtras(name);
        var path = ResolvePath(withoutExtras, context);
        if (PipLink.LooksLikePath(name) && Directory.Exists(path))
        {
            if (!File.Exists(Path.Combine(path, "pyproject.toml")) && !File.Exists(Path.Combine(path, "setup.py")))
            {
                context.Error($"Directory '{name}' is not installable. Neither 'setup.py' nor 'pyproject.toml' found.");
            }

            return PipLink.PathToUrl(path);
        }

        if (!PipLink.IsArchive(path))
        {
            return null;
        }

        if (File.Exists(path))
        {
            return PipLink.PathToUrl(path);
        }

        var at = name.IndexOf('@');
        if (at >= 0 && !PipLink.LooksLikePath(name[..at]))
        {
            return null;
        }

        context.Warn($"Requirement '{name}' looks like a filename, but the file does not exist");
        return PipLink.PathToUrl(path);
    }

    private static string ResolvePath(string text, LineContext context) =>
        Path.GetFullPath(Path.Combine(context.WorkingDirectory, text));

    // _strip_extras: a trailing "[...]" on a path.
    private static (string Path, string? Extras) StripExtras(string path)
    {
        var match = ExtrasRegex().Match(path);
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Value) : (path, null);
    }

    private static IReadOnlyList<string> ParseExtras(string? extrasText, LineContext context)
    {
        if (extrasText is null)
        {
            return [];
        }

        if (Requirement.TryParse("placeholder" + extrasText.ToLowerInvariant(), out var placeholder, out var error))
        {
            return placeholder.Extras;
        }

        context.Error($"Invalid extras {extrasText}: {error}");
        return [];
    }

    // pip 26 requires #egg= to be a bare project name; pip 23.2 only warned (deprecated since 23.0).
    private static string? EggName(string url, LineContext context)
    {
        var egg = PipLink.EggFragment(url);
        if (egg is not null && !Packaging.Names.PackageName.IsValid(egg))
        {
            context.Warn($"#egg={egg} is not a bare project name (pip >= 26.0 rejects it); use 'name @ url' instead");
        }

        return string.IsNullOrEmpty(egg) ? null : egg;
    }

    [GeneratedRegex(@"^(.+)(\[[^\]]+\])$", RegexOptions.CultureInvariant)]
    private static partial Regex ExtrasRegex();

    [GeneratedRegex("(~=|==|!=|<=|>=|<|>|===)", RegexOptions.CultureInvariant)]
    private static partial Regex OperatorRegex();
}
