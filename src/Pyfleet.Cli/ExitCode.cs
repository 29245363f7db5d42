namespace Pyfleet.Cli;

/// <summary>The process exit codes, mapped in one place.</summary>
public enum ExitCode
{
    /// <summary>Ran to completion; nothing over the threshold.</summary>
    Clean = 0,

    /// <summary>Findings at or over the <c>--fail-on</c> threshold (or lint errors).</summary>
    Findings = 1,

    /// <summary>Bad usage or bad input (unknown option, unreadable file, malformed data).</summary>
    UsageOrInputError = 2,

    /// <summary>A bug in Pyfleet: reported in one line (set PYFLEET_DEBUG=1 for the stack trace).</summary>
    InternalError = 3,
}
