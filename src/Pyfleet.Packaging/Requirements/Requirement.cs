using System.Diagnostics.CodeAnalysis;
using Pyfleet.Packaging.Internal;
using Pyfleet.Packaging.Markers;
using Pyfleet.Packaging.Names;
using Pyfleet.Packaging.Specifiers;

namespace Pyfleet.Packaging.Requirements;

/// <summary>A PEP 508 dependency specifier: <c>name[extras] specifiers ; marker</c> or <c>name[extras] @ url ; marker</c>.</summary>
/// <remarks>
/// Parsed as packaging's <c>_parser.parse_requirement</c> (26.x): legacy parenthesised specifiers are accepted,
/// and a URL runs to the next space or tab, so <c>name@http://x/y.whl;python_version&lt;"3"</c> keeps the marker
/// inside the URL (FORMATS.md §2.2). Spec: https://packaging.python.org/en/latest/specifications/dependency-specifiers/
/// </remarks>
public sealed class Requirement
{
    private Requirement(string name, IReadOnlyList<string> extras, SpecifierSet specifier, string? url, Marker? marker)
    {
        Name = name;
        NormalizedName = PackageName.Normalize(name);
        Extras = extras;
        NormalizedExtras = extras.Select(PackageName.Normalize).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Specifier = specifier;
        Url = url;
        Marker = marker;
    }

    /// <summary>Parses a PEP 508 requirement; throws <see cref="FormatException"/> with the column of the first error.</summary>
    public static Requirement Parse(string text) =>
        TryParse(text, out var requirement, out var error) ? requirement : throw new FormatException(error);

    /// <summary>Parses without throwing; <paramref name="error"/> says what is wrong and at which column.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Requirement? requirement, out string? error)
    {
        requirement = null;
        if (text is null)
        {
            error = "requirement is null";
            return false;
        }

        try
        {
            requirement = ParseCore(new Pep508Tokenizer(text));
            error = null;
            return true;
        }
        catch (Pep508SyntaxException e)
        {
            error = $"Invalid requirement: {e.Describe()}";
            return false;
        }
    }

    /// <summary>The name as written.</summary>
    public string Name { get; }

    /// <summary>The PEP 503 normalised name.</summary>
    public string NormalizedName { get; }

    /// <summary>The extras as written, without duplicates, sorted (packaging keeps a set).</summary>
    public IReadOnlyList<string> Extras { get; }

    /// <summary>The extras normalised as PEP 685 requires for comparison.</summary>
    public IReadOnlyList<string> NormalizedExtras { get; }

    /// <summary>The version specifiers (empty for a bare name or a URL requirement).</summary>
    public SpecifierSet Specifier { get; }
    /// <summary>The direct reference after <c>@</c>, as written, or null.</summary>
    public string? Url { get; }
    /// <summary>The environment marker after <c>;</c>, or null.</summary>
    public Marker? Marker { get; }

    /// <summary>packaging's <c>str(Requirement)</c>: <c>name[a,b]&gt;=1,&lt;2; marker</c> or <c>name@ url ; marker</c>.</summary>
    public override string ToString()
    {
        var text = Name;
        if (Extras.Count > 0)
        {
            text += "[" + string.Join(",", Extras) + "]";
        }

        var specifier = Specifier.ToString();
        text += specifier;
        if (Url is not null)
        {
            text += "@ " + Url + (Marker is not null ? " " : "");
        }

        if (Marker is not null)
        {
            text += "; " + Marker;
        }

        return text;
    }

    // requirement = WS? IDENTIFIER WS? extras WS? requirement_details END
    private static Requirement ParseCore(Pep508Tokenizer t)
    {
        t.ConsumeWhitespace();
        var name = t.TryReadIdentifier() ?? throw t.Error("Expected package name at the start of dependency specifier");
        t.ConsumeWhitespace();
        var extras = ParseExtras(t);
        t.ConsumeWhitespace();

        string? url = null;
        var specifierText = string.Empty;
        List<object>? marker = null;
        if (t.TryRead('@'))
        {
            t.ConsumeWhitespace();
            var urlStart = t.Position;
            url = t.TryReadUrl() ?? throw t.Error("Expected URL after @");
            if (!t.AtEnd)
            {
                if (t.MatchWhitespace() == 0)
                {
                    throw t.Error("Expected whitespace after URL");
                }

                t.ConsumeWhitespace();
                if (!t.AtEnd)
                {
                    marker = ParseRequirementMarker(t, urlStart, "URL and whitespace");
                }
            }
        }
        else
        {
            var specifierStart = t.Position;
            specifierText = ParseSpecifier(t);
            t.ConsumeWhitespace();
            if (!t.AtEnd)
            {
                marker = ParseRequirementMarker(
                    t,
                    specifierStart,
                    specifierText.Length > 0 ? "version specifier" : "name and no valid version specifier");
            }
        }

        if (!t.AtEnd)
        {
            throw t.Error("Expected end of dependency specifier");
        }

        if (!SpecifierSet.TryParse(specifierText, out var specifierSet))
        {
            throw t.Error($"Invalid specifier '{specifierText}'", 0);
        }

        return new Requirement(name, extras, specifierSet, url, marker is null ? null : new Marker(marker));
    }

    // requirement_marker = SEMICOLON marker WS?
    private static List<object> ParseRequirementMarker(Pep508Tokenizer t, int spanStart, string after)
    {
        if (!t.TryRead(';'))
        {
            throw t.Error($"Expected end or semicolon (after {after})", spanStart);
        }

        var marker = MarkerParser.Parse(t);
        t.ConsumeWhitespace();
        return marker;
    }

    // extras = ('[' WS? (IDENTIFIER (WS? ',' WS? IDENTIFIER)*)? WS? ']')?
    private static IReadOnlyList<string> ParseExtras(Pep508Tokenizer t)
    {
        if (!t.Peek('['))
        {
            return [];
        }

        var open = t.Position;
        t.Advance(1);
        t.ConsumeWhitespace();
        var extras = new SortedSet<string>(StringComparer.Ordinal);
        if (t.TryReadIdentifier() is { } first)
        {
            extras.Add(first);
            while (true)
            {
                t.ConsumeWhitespace();
                if (t.PeekIdentifier())
                {
                    throw t.Error("Expected comma between extra names");
                }

                if (!t.TryRead(','))
                {
                    break;
                }

                t.ConsumeWhitespace();
                extras.Add(t.TryReadIdentifier() ?? throw t.Error("Expected extra name after comma"));
            }
        }

        t.ConsumeWhitespace();
        if (!t.TryRead(']'))
        {
            throw t.Error("Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras", open);
        }

        return [.. extras];
    }

    // specifier = '(' WS? version_many WS? ')' | WS? version_many WS?
    private static string ParseSpecifier(Pep508Tokenizer t)
    {
        var open = t.Peek('(') ? t.Position : -1;
        if (open >= 0)
        {
            t.Advance(1);
        }

        t.ConsumeWhitespace();
        var text = ParseVersionMany(t);
        t.ConsumeWhitespace();
        if (open >= 0 && !t.TryRead(')'))
        {
            throw t.Error("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier", open);
        }

        return text;
    }

    // version_many = (SPECIFIER (WS? ',' WS? SPECIFIER)*)?
    private static string ParseVersionMany(Pep508Tokenizer t)
    {
        var text = string.Empty;
        while (true)
        {
            var start = t.Position;
            var specifier = t.TryReadSpecifier();
            if (specifier is null)
            {
                break;
            }

            text += specifier;
            if (t.PeekWildcardTrail())
            {
                throw t.Error(".* suffix can only be used with `==` or `!=` operators", start);
            }

            if (t.PeekLocalLabelTrail())
            {
                throw t.Error("Local version label can only be used with `==` or `!=` operators", start);
            }

            t.ConsumeWhitespace();
            if (!t.TryRead(','))
            {
                break;
            }

            text += ",";
            t.ConsumeWhitespace();
        }

        return text;
    }
}
