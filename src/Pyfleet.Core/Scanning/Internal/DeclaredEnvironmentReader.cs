using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests;

namespace Pyfleet.Core.Scanning.Internal;

/// <summary>Reads one manifest found by the walk into a declared environment; its diagnostics become scan warnings.</summary>
internal static class DeclaredEnvironmentReader
{
    public static (PythonEnvironment? Environment, List<ScanWarning> Warnings) Read(string logicalPath, PathMap paths, ScanOptions options)
    {
        var warnings = new List<ScanWarning>();
        var physical = paths.ToPhysical(logicalPath);
        try
        {
            var result = ManifestReaders.Read(physical, options.ManifestOptions);
            warnings.AddRange(result.Diagnostics.Select(d => new ScanWarning(Logical(paths, d.Path), d.Line is { } line ? $"line {line}: {d.Message}" : d.Message)));
            var environment = result.Environment with { Path = logicalPath, Labels = options.Labels.For(logicalPath) };
            return (environment, warnings);
        }
        catch (PyfleetException ex)
        {
            warnings.Add(new ScanWarning(Logical(paths, ex.Path ?? physical), ex.Line is { } line ? $"line {line}: {ex.Message}; file skipped" : $"{ex.Message}; file skipped"));
            return (null, warnings);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            warnings.Add(new ScanWarning(logicalPath, $"unreadable: {ex.Message}"));
            return (null, warnings);
        }
    }

    private static string Logical(PathMap paths, string path) => paths.HasRoot ? paths.ToLogical(path) : path;
}
