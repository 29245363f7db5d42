namespace Pyfleet.Core.Configuration;

/// <summary>Bound options and what binding warned about (unknown keys and sections: typos).</summary>
/// <param name="Options">The settings, defaults filled in.</param>
/// <param name="Warnings">One line each, <c>config.toml:LINE: unknown key 'osv.sorce' (did you mean 'osv.source'?)</c>.</param>
/// <param name="ConfigPath">The file read, or null when there was none.</param>
public sealed record PyfleetSettings(PyfleetOptions Options, IReadOnlyList<string> Warnings, string? ConfigPath);
