namespace Pyfleet.Core.Fleet.Analysis;

/// <summary>
/// The interpreter of an environment, indexed like a package under a name no distribution can have (PEP 503
/// names have no parentheses), so its EOL is judged once per Python version and never answers a <c>who</c>.
/// </summary>
public static class InterpreterPair
{
    public const string Name = "(python)";

    /// <summary>The endoflife.date product of CPython.</summary>
    public const string Product = "python";

    /// <summary>How findings and events show the interpreter.</summary>
    public const string DisplayName = "python";
}
