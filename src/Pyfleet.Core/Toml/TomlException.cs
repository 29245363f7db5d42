using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Toml;

/// <summary>A TOML document that does not follow TOML 1.0; carries file and line.</summary>
public sealed class TomlException(string message, string? path, int line)
    : PyfleetException(message, path, line);
