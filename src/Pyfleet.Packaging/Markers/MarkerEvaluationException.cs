namespace Pyfleet.Packaging.Markers;

/// <summary>
/// A marker that parses but cannot be evaluated: an undefined comparison (<c>os_name ~= "x"</c>, packaging's
/// <c>UndefinedComparison</c>) or a name missing from the environment (<c>UndefinedEnvironmentName</c>).
/// </summary>
public sealed class MarkerEvaluationException : Exception
{
    /// <summary>Creates the exception with a message naming the comparison or variable.</summary>
    public MarkerEvaluationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public MarkerEvaluationException()
    {
    }

    /// <summary>Creates the exception wrapping <paramref name="innerException"/>.</summary>
    public MarkerEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
