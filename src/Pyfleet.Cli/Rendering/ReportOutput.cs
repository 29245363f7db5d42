using System.Reflection;
using Pyfleet.Core.Reporting;

namespace Pyfleet.Cli.Rendering;

/// <summary>
/// Where a command's report goes: the registry's writer for <c>--format</c> on stdout as raw UTF-8 (never through
/// Spectre, which would wrap long lines). Tables are the commands' own renderers.
/// </summary>
internal static class ReportOutput
{
    /// <summary>The table format every command has beside the registry's formats.</summary>
    public const string Table = "table";

    /// <summary>Pyfleet's version (without the source revision), for formats that name their tool.</summary>
    public static string ToolVersion { get; } =
        typeof(ReportOutput).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>
    /// Stdout as a stream: the stream beneath a <see cref="StreamWriter"/> (the process's buffered stdout) or the
    /// console's, else a UTF-8 view of the writer (tests). The writer is flushed first so output stays in order.
    /// </summary>
    public static Stream OpenStdout(CliContext context)
    {
        var writer = context.Stdout;
        writer.Flush();
        return writer is StreamWriter { BaseStream.CanWrite: true } streamWriter ? streamWriter.BaseStream
            : ReferenceEquals(writer, System.Console.Out) ? System.Console.OpenStandardOutput()
            : new TextWriterStream(writer);
    }

    /// <summary>Report options for this run: indented on a terminal (or when <paramref name="alwaysIndented"/>).</summary>
    public static ReportOptions Options(CliContext context, bool alwaysIndented = false) => new()
    {
        Indented = alwaysIndented || context.IsInteractive,
        SourceRoot = context.CurrentDirectory,
        ToolVersion = ToolVersion,
        GeneratedAt = context.Clock.GetUtcNow(),
    };

    /// <summary>The <c>--format</c> names of <typeparamref name="TFormat"/>, table first.</summary>
    public static string[] FormatNames<TFormat>(CliContext context)
        where TFormat : IReportFormat => [Table, .. context.Reports.Names<TFormat>()];

    /// <summary>Writes <paramref name="report"/> in the registry's format <paramref name="format"/> to stdout.</summary>
    public static async Task WriteAsync<TReport>(CliContext context, string format, TReport report, ReportOptions options, CancellationToken cancellationToken)
    {
        var writer = context.Reports.Get<IReportWriter<TReport>>(format);
        var stream = OpenStdout(context);
        await writer.WriteAsync(report, stream, options, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}
