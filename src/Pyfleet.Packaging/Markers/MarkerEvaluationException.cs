namespace Pyfleet.Packaging.Markers;

/// <summary>
/// A marker that parses but cannot be evaluated: an undefined comparison (<c>os_name ~= "x"</c>, packaging's
/// <c>UndefinedComparison</c>) or a name missing from the environment (<c>UndefinedEnvironmentName</c>).
/// </summary>
public sealed class MarkerEvaluationException : Exception
{
    public MarkerEvaluationException(string message)
        : base(message)
    {
    }

    public MarkerEvaluationException()
    {
    }

    public MarkerEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
