using System.Text.RegularExpressions;

namespace Pyfleet.Core.Errors;

/// <summary>
/// Turns a .NET exception into a sentence for an operator. Chosen by exception type, so it stays a sentence
/// where the runtime's texts are trimmed to resource keys (<c>UnauthorizedAccess_IODenied_Path</c>, <c>CDCorrupt</c>).
/// </summary>
public static partial class ErrorMessages
{
    /// <summary>"cannot read: permission denied" and the like.</summary>
    public static string CannotRead(Exception exception) => $"cannot read: {Describe(exception)}";

    /// <summary>What went wrong, without the path (callers print it beside).</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            PyfleetException pyfleet => pyfleet.Message,
            AggregateException aggregate when aggregate.InnerExceptions.Count > 0 => Describe(aggregate.InnerExceptions[0]),
            UnauthorizedAccessException => "permission denied",
            FileNotFoundException => "no such file",
            DirectoryNotFoundException => "no such folder",
            PathTooLongException => "path too long",
            EndOfStreamException => "file ends too early (truncated)",
            InvalidDataException => Readable(exception.Message) ?? "corrupt or truncated data (not a valid archive or file of its kind)",
            System.Text.DecoderFallbackException => "not valid text in its encoding",
            ArgumentException when exception.Message.Contains("NullChar", StringComparison.Ordinal) || exception.Message.Contains("null character", StringComparison.OrdinalIgnoreCase) => "a path in it contains a NUL character (binary data?)",
            IOException => Readable(exception.Message) ?? $"input/output error (0x{exception.HResult:X8})",
            _ => Readable(exception.Message) ?? $"unexpected {exception.GetType().Name}",
        };
    }

    // A trimmed runtime gives resource keys instead of texts: "Arg_NullCharInPath", "System.Nullable`1[System.Int64]".
    private static string? Readable(string message) =>
        message.Length == 0 || ResourceKeyRegex().IsMatch(message) || message.Contains("`1[", StringComparison.Ordinal) ? null : message;

    [GeneratedRegex(@"^[A-Za-z0-9]+_[A-Za-z0-9_]+(,.*)?$|^[A-Z][A-Za-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceKeyRegex();
}
