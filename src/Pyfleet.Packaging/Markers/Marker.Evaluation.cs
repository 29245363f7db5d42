using Pyfleet.Packaging.Internal;
using Pyfleet.Packaging.Names;
using Pyfleet.Packaging.Specifiers;

namespace Pyfleet.Packaging.Markers;

/// <summary>
/// Evaluation as packaging 26.x <c>_evaluate_markers</c>: version fields compare as specifiers with pre-releases
/// allowed when the literal is a valid specifier; everything else uses the string rules of the 2026 spec
/// (<c>&lt;</c>/<c>&gt;</c> false, <c>&lt;=</c>/<c>&gt;=</c> equality, <c>in</c> substring).
/// </summary>
public sealed partial class Marker
{
    private static readonly HashSet<string> VersionKeys =
        ["implementation_version", "platform_release", "python_full_version", "python_version"];

    /// <summary>
    /// Evaluates the marker. <paramref name="extras"/> are the requested extras of the package the marker belongs to
    /// (<c>extra == "x"</c> is true when "x" is among them, both sides normalised).
    /// </summary>
    /// <remarks>As pip does: with no extras the marker is evaluated once with <c>extra = ""</c>; otherwise it is true
    /// when it holds for one of the extras.</remarks>
    /// <exception cref="MarkerEvaluationException">An undefined comparison or an unknown environment name.</exception>
    public bool Evaluate(MarkerEnvironment environment, IReadOnlyCollection<string>? extras = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (extras is null || extras.Count == 0)
        {
            return EvaluateList(_markers, environment, string.Empty);
        }

        var any = false;
        foreach (var extra in extras)
        {
            any |= EvaluateList(_markers, environment, extra.Length == 0 ? string.Empty : PackageName.Normalize(extra));
        }

        return any;
    }

    /// <summary>Evaluates without throwing; <paramref name="error"/> explains an undefined comparison or name.</summary>
    public bool TryEvaluate(MarkerEnvironment environment, IReadOnlyCollection<string>? extras, out bool result, out string? error)
    {
        try
        {
            result = Evaluate(environment, extras);
            error = null;
            return true;
        }
        catch (MarkerEvaluationException e)
        {
            result = false;
            error = e.Message;
            return false;
        }
    }

    private static bool EvaluateList(List<object> markers, MarkerEnvironment environment, string extra)
    {
        // Groups separated by "or", items within a group joined by "and"; packaging evaluates every item.
        var anyGroup = false;
        var groupHolds = true;
        foreach (var marker in markers)
        {
            switch (marker)
            {
                case List<object> nested:
                    groupHolds &= EvaluateList(nested, environment, extra);
                    break;
                case MarkerItem item:
                    groupHolds &= EvaluateItem(item, environment, extra);
                    break;
                case "or":
                    anyGroup |= groupHolds;
                    groupHolds = true;
                    break;
            }
        }

        return anyGroup | groupHolds;
    }

    private static bool EvaluateItem(MarkerItem item, MarkerEnvironment environment, string extra)
    {
        string key, lhs, rhs;
        if (item.LeftIsVariable)
        {
            key = item.Left;
            lhs = Lookup(key, environment, extra);
            rhs = item.Right;
        }
        else
        {
            // packaging looks the right-hand text up even when it is a quoted literal.
            key = item.Right;
            lhs = item.Left;
            rhs = Lookup(key, environment, extra);
        }

        return EvaluateOperator(lhs, item.Op, rhs, key);
    }

    private static bool EvaluateOperator(string lhs, string op, string rhs, string key)
    {
        if (VersionKeys.Contains(key) && Specifier.TryParse(op + rhs, out var specifier))
        {
            return specifier.Contains(lhs, prereleases: true);
        }

        return op switch
        {
            "in" => rhs.Contains(lhs, StringComparison.Ordinal),
            "not in" => !rhs.Contains(lhs, StringComparison.Ordinal),
            "<" or ">" => false,
            "<=" or "==" or ">=" => string.Equals(lhs, rhs, StringComparison.Ordinal),
            "!=" => !string.Equals(lhs, rhs, StringComparison.Ordinal),
            _ => throw new MarkerEvaluationException($"Undefined comparison {op} on '{lhs}' and '{rhs}'."),
        };
    }

    private static string Lookup(string key, MarkerEnvironment environment, string extra)
    {
        var value = key switch
        {
            "extra" => extra,
            "os_name" => environment.OsName,
            "sys_platform" => environment.SysPlatform,
            "platform_machine" => environment.PlatformMachine,
            "platform_python_implementation" => environment.PlatformPythonImplementation,
            "platform_release" => environment.PlatformRelease,
            "platform_system" => environment.PlatformSystem,
            "platform_version" => environment.PlatformVersion,
            "python_version" => environment.PythonVersion,
            "python_full_version" => environment.PythonFullVersion,
            "implementation_name" => environment.ImplementationName,
            "implementation_version" => environment.ImplementationVersion,
            _ => throw new MarkerEvaluationException($"'{key}' does not exist in evaluation environment."),
        };

        // packaging repairs source builds' "3.15.0+" (not PEP 440) into a local version.
        return key == "python_full_version" && value.EndsWith('+') ? value + "local" : value;
    }
}
