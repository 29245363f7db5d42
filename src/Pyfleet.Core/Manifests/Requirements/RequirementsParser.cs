using System.Text;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Http;
using Pyfleet.Core.IO;
using Pyfleet.Core.Manifests.Internal;
using Pyfleet.Core.Manifests.Requirements.Internal;

namespace Pyfleet.Core.Manifests.Requirements;

/// <summary>
/// Reads a pip requirements file and everything it includes, following pip's <c>req/req_file.py</c> pipeline
/// (FORMATS.md §3). Unlike pip it does not stop at the first bad line: each becomes a diagnostic with
/// <c>file:line</c> and the rest is still read. Remote includes are never fetched.
/// </summary>
public static class RequirementsParser
{
    /// <summary>Parses <paramref name="path"/>; throws <see cref="PyfleetException"/> only when the top file cannot be read.</summary>
    public static RequirementsDocument Parse(string path, ManifestReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= ManifestReadOptions.Default;
        if (path.Contains('\0'))
        {
            throw new PyfleetException("Could not open requirements file: the path contains a NUL byte", path.Replace('\0', '?'));
        }

        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new PyfleetException("Could not open requirements file: no such file", full);
        }

        var state = new State(options, options.WorkingDirectory ?? Path.GetDirectoryName(full)!, cancellationToken);
        ParseFile(full, constraint: false, state);
        return new RequirementsDocument
        {
            Path = full,
            Entries = state.Entries,
            Options = state.Options,
            Files = state.Files,
            Diagnostics = state.Diagnostics,
        };
    }

    private static void ParseFile(string file, bool constraint, State state)
    {
        state.Files.Add(file);
        state.Chain.Add(file);
        try
        {
            // Only a regular file, and only up to the manifest size limit (a FIFO or -r /dev/zero is refused).
            using var stream = RegularFile.OpenRead(file, state.ReadOptions.Limits.MaxManifestBytes);
            if (!TryParseStream(stream, file, constraint, state, fallback: false))
            {
                // Not UTF-8 and no declaration: pip falls back to the locale encoding with a warning.
                state.Diagnostics.Add(new ManifestDiagnostic(file, null, ManifestSeverity.Warning, "file is not valid in its encoding (UTF-8 unless declared); read as Latin-1"));
                stream.Position = 0;
                TryParseStream(stream, file, constraint, state, fallback: true);
            }
        }
        catch (IOException ex)
        {
            state.Diagnostics.Add(new ManifestDiagnostic(file, null, ManifestSeverity.Error, $"Could not read requirements file: {ex.Message}"));
        }
        catch (UnauthorizedAccessException ex)
        {
            state.Diagnostics.Add(new ManifestDiagnostic(file, null, ManifestSeverity.Error, $"Could not read requirements file: {ex.Message}"));
        }
        finally
        {
            state.Chain.Remove(file);
        }
    }

    private static bool TryParseStream(Stream stream, string file, bool constraint, State state, bool fallback)
    {
        var head = new byte[4096];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var (encoding, skip, _) = RequirementsTextDecoder.Detect(head.AsSpan(0, read));
        if (fallback)
        {
            encoding = Encoding.Latin1;
        }

        stream.Position = skip;
        var entriesBefore = state.Entries.Count;
        var optionsBefore = state.Options.Count;
        var diagnosticsBefore = state.Diagnostics.Count;
        var filesBefore = state.Files.Count;
        try
        {
            using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
            foreach (var line in LogicalLineReader.Read(reader, state.ReadOptions.GetEnvironment, state.CancellationToken))
            {
                if (state.Full)
                {
                    break;
                }

                HandleLine(file, line, constraint, state);
            }

            return true;
        }
        catch (DecoderFallbackException) when (!fallback)
        {
            // Undo what this file produced and read it again as Latin-1.
            state.Entries.RemoveRange(entriesBefore, state.Entries.Count - entriesBefore);
            state.Options.RemoveRange(optionsBefore, state.Options.Count - optionsBefore);
            state.Diagnostics.RemoveRange(diagnosticsBefore, state.Diagnostics.Count - diagnosticsBefore);
            state.Files.RemoveRange(filesBefore, state.Files.Count - filesBefore);
            return false;
        }
    }

    private static void HandleLine(string file, LogicalLine line, bool constraint, State state)
    {
        var context = new LineContext(file, line.Number, constraint, state.WorkingDirectory, state.Diagnostics);
        if (line.Text.Length > state.ReadOptions.Limits.MaxLineLength)
        {
            context.Error($"line longer than the input limit ({state.ReadOptions.Limits.MaxLineLength:N0} characters); not read (raise limits.max-line-length to read it)");
            return;
        }

        if (line.Text.Contains('\0'))
        {
            // A NUL byte cannot be part of any path or name pip accepts; refusing the line here keeps every
            // path operation below from throwing ArgumentException (found by fuzz/requirements).
            context.Error("the line contains a NUL byte; not read");
            return;
        }

        if (!OptionLineParser.TryParse(line.Text, out var args, out var options, out var error))
        {
            context.Error($"Invalid requirement: {UrlRedactor.Redact(line.Text)}: {error}");
            return;
        }

        if (args.Length > 0)
        {
            if (ReadRequirementOptions(options, context, out var hashes, out var settings))
            {
                Add(CheckConstraint(RequirementLineInterpreter.FromLine(args, context), context), hashes, settings, state);
            }

            return;
        }

        if (options.Values("--editable").FirstOrDefault() is { } editable)
        {
            if (options.Has("--hash"))
            {
                context.Warn("--hash is ignored on an -e line (editable requirements cannot be hash-checked)");
            }

            if (ReadRequirementOptions(options, context, out _, out var settings))
            {
                Add(CheckConstraint(RequirementLineInterpreter.FromEditable(editable, context), context), [], settings, state);
            }

            return;
        }

        HandleOptionLine(file, line, options, context, state);
    }

    private static void HandleOptionLine(string file, LogicalLine line, ParsedOptions options, LineContext context, State state)
    {
        if (options.Has("--hash"))
        {
            context.Warn($"{file} line {line.Number} has --hash but no requirement, and will be ignored.");
        }

        foreach (var (name, value) in options.Items)
        {
            if (name is not ("--requirement" or "--constraint" or "--hash" or "--config-settings"))
            {
                state.Options.Add(new RequirementsOptionUse(name, value is null ? null : UrlRedactor.Redact(value), file, line.Number));
            }
        }

        // Only the first -r (else the first -c) of a line is followed, as in pip's _parse_and_recurse.
        var nested = options.Values("--requirement").FirstOrDefault();
        var nestedConstraint = false;
        if (nested is null && options.Values("--constraint").FirstOrDefault() is { } constraintFile)
        {
            nested = constraintFile;
            nestedConstraint = true;
        }

        if (nested is not null)
        {
            Include(file, nested, nestedConstraint, context, state);
        }
    }

    private static void Include(string file, string nested, bool constraint, LineContext context, State state)
    {
        if (nested.Contains('\0'))
        {
            context.Error($"Could not open requirements file: the path '{nested.Replace('\0', '?')}' contains a NUL byte");
            return;
        }

        var scheme = Internal.PipLink.Scheme(nested);
        string target;
        if (scheme is "http" or "https")
        {
            context.Warn($"remote requirements file {UrlRedactor.Redact(nested)} is not fetched; its requirements are not inventoried");
            return;
        }

        if (scheme == "file")
        {
            if (!Uri.TryCreate(nested, UriKind.Absolute, out var uri))
            {
                context.Error($"Could not open requirements file: '{UrlRedactor.Redact(nested)}' is not a valid file: URL");
                return;
            }

            target = uri.LocalPath;
        }
        else
        {
            target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, nested));
        }

        if (state.Chain.Contains(target))
        {
            context.Error($"{target} recursively references itself in {file}");
            return;
        }

        if (!File.Exists(target))
        {
            context.Error($"Could not open requirements file: [Errno 2] No such file or directory: '{nested}'");
            return;
        }

        ParseFile(target, constraint, state);
    }

    // The per-requirement options (SUPPORTED_OPTIONS_REQ): --hash and --config-settings. A bad value
    // rejects the whole line, like optparse's parser.error inside pip's callbacks.
    private static bool ReadRequirementOptions(ParsedOptions options, LineContext context, out List<string> hashes, out List<KeyValuePair<string, string>> settings)
    {
        hashes = [];
        settings = [];
        foreach (var value in options.Values("--hash"))
        {
            if (HashOption.Validate(value, out var warning) is { } error)
            {
                context.Error(error);
                return false;
            }

            if (warning is not null)
            {
                context.Warn(warning);
            }

            hashes.Add(value);
        }

        foreach (var value in options.Values("--config-settings"))
        {
            var equals = value.IndexOf('=');
            if (equals < 0)
            {
                context.Error("Arguments to --config-settings must be of the form KEY=VAL");
                return false;
            }

            settings.Add(new(value[..equals], value[(equals + 1)..]));
        }

        return true;
    }

    // pip's check_invalid_constraint_type (req/req_install.py): a constraint names a project and a version,
    // nothing else; the resolver rejects the rest.
    private static RequirementsEntry? CheckConstraint(RequirementsEntry? entry, LineContext context)
    {
        if (entry is null || !entry.IsConstraint)
        {
            return entry;
        }

        var problem = entry.IsEditable ? "Editable requirements are not allowed as constraints"
            : entry.Name is null ? "Unnamed requirements are not allowed as constraints"
            : entry.Extras.Count > 0 ? "Constraints cannot have extras"
            : null;
        if (problem is null)
        {
            return entry;
        }

        context.Error(problem);
        return null;
    }

    private static void Add(RequirementsEntry? entry, List<string> hashes, List<KeyValuePair<string, string>> settings, State state)
    {
        if (entry is null)
        {
            return;
        }

        if (state.Entries.Count >= state.ReadOptions.Limits.MaxPackagesPerEnvironment)
        {
            // Bounded memory for a hostile 10^6-line file: an error the user sees, never a silent truncation.
            state.Full = true;
            state.Diagnostics.Add(new ManifestDiagnostic(entry.Path, entry.Line, ManifestSeverity.Error, $"more than {state.ReadOptions.Limits.MaxPackagesPerEnvironment:N0} requirements (the input limit); the rest not read (raise limits.max-packages-per-environment)"));
            return;
        }

        state.Entries.Add(entry with { Hashes = hashes, ConfigSettings = settings });
    }

    private sealed class State(ManifestReadOptions options, string workingDirectory, CancellationToken cancellationToken)
    {
        public ManifestReadOptions ReadOptions { get; } = options;
        public string WorkingDirectory { get; } = workingDirectory;
        public CancellationToken CancellationToken { get; } = cancellationToken;
        public List<RequirementsEntry> Entries { get; } = [];
        public List<RequirementsOptionUse> Options { get; } = [];
        public List<string> Files { get; } = [];
        public List<ManifestDiagnostic> Diagnostics { get; } = [];
        public HashSet<string> Chain { get; } = new(StringComparer.Ordinal);
        public bool Full { get; set; }
    }
}
