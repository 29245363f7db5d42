using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Reporting;

/// <summary>
/// The output formats a host offers, by report kind and name. <see cref="ReportFormats.CreateDefault"/> fills one
/// with every built-in format; hosts (the CLI's <c>table</c>) may add their own.
/// </summary>
public sealed class ReportRegistry
{
    private readonly List<IReportFormat> _formats = [];

    /// <summary>Adds <paramref name="format"/>; a later format of the same kind and name wins over an earlier one.</summary>
    public ReportRegistry Add(IReportFormat format)
    {
        _formats.Add(format);
        return this;
    }

    /// <summary>The writers of <typeparamref name="TFormat"/> (e.g. <c>IReportWriter&lt;LintReport&gt;</c>), in order added.</summary>
    public IReadOnlyList<TFormat> All<TFormat>()
        where TFormat : IReportFormat =>
        [.. _formats.OfType<TFormat>().Where((f, i) => !_formats.Skip(_formats.IndexOf(f) + 1).OfType<TFormat>().Any(later => later.Name == f.Name))];

    /// <summary>The names of <typeparamref name="TFormat"/>'s formats (for <c>--format</c> help and validation).</summary>
    public IReadOnlyList<string> Names<TFormat>()
        where TFormat : IReportFormat => [.. All<TFormat>().Select(f => f.Name)];

    /// <summary>The format named <paramref name="name"/> (case-insensitive), or null.</summary>
    public TFormat? Find<TFormat>(string name)
        where TFormat : class, IReportFormat =>
        All<TFormat>().FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The format named <paramref name="name"/>; an unknown name is an error listing the known ones.</summary>
    public TFormat Get<TFormat>(string name)
        where TFormat : class, IReportFormat =>
        Find<TFormat>(name) ?? throw new PyfleetException($"unknown format '{name}' (known: {string.Join(", ", Names<TFormat>())})");
}
