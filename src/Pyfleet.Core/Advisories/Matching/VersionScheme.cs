namespace Pyfleet.Core.Advisories.Matching;

/// <summary>The ordering an ecosystem uses (FORMATS.md §6.2: PEP 440 for PyPI, dpkg for Debian).</summary>
public enum VersionScheme
{
    /// <summary>PEP 440 (<c>PyPI</c>).</summary>
    Pep440,

    /// <summary>dpkg ordering, Debian Policy §5.6.12 (<c>Debian</c>, <c>Debian:N</c>).</summary>
    Debian,

    /// <summary>Anything else: compared as normalized strings (named fallback, never a silent drop).</summary>
    Text,
}
