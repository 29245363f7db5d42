using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests;

namespace Pyfleet.Core.Scanning.Internal;

/// <summary>
/// Reads one manifest found by the walk into a declared environment. Its warnings become scan warnings; lines the
/// installing tool would refuse are <see cref="InputError"/>s on the environment (what could be read is still
/// reported); a file that cannot be read at all (corrupt, binary, of no known format) is an <see cref="InputError"/>
/// for the document, and the scan goes on.
/// </summary>
internal static class DeclaredEnvironmentReader
{
    public static DeclaredRead Read(string logicalPath, PathMap paths, ScanOptions options)
    {
        var warnings = new List<ScanWarning>();
        var physical = paths.ToPhysical(logicalPath);
        try
        {
            var result = ManifestReaders.Read(physical, options.ManifestOptions);
            warnings.AddRange(result.Diagnostics.Where(d => d.Severity == ManifestSeverity.Warning)
                .Select(d => new ScanWarning(Logical(paths, d.Path), d.Line is { } line ? $"line {line}: {d.Message}" : d.Message)));
            var environment = result.Environment with
            {
                Path = logicalPath,
                Labels = options.Labels.For(logicalPath),
                Errors = [.. result.Environment.Errors.Select(e => e with { Path = Logical(paths, e.Path) })],
            };
            return new DeclaredRead(environment, warnings, null);
        }
        catch (PyfleetException ex)
        {
            return new DeclaredRead(null, warnings, new InputError(Logical(paths, ex.Path ?? physical), ex.Line, ex.Message));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new DeclaredRead(null, warnings, new InputError(logicalPath, null, ErrorMessages.CannotRead(ex)));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidDataException or System.Text.DecoderFallbackException)
        {
            // A reader met something it did not expect (binary data, a NUL in a path): this file is not checked, the rest of the scan is.
            return new DeclaredRead(null, warnings, new InputError(logicalPath, null, $"could not be read: {ErrorMessages.Describe(ex)}"));
        }
    }

    private static string Logical(PathMap paths, string path) => paths.HasRoot ? paths.ToLogical(path) : path;
}

/// <summary>What <see cref="DeclaredEnvironmentReader"/> made of one file.</summary>
internal sealed record DeclaredRead(PythonEnvironment? Environment, List<ScanWarning> Warnings, InputError? Error);
