using Pyfleet.Core.Lifecycle;
using Pyfleet.Core.Releases.Analysis;
using Spectre.Console;

namespace Pyfleet.Cli.Commands.Outdated;

/// <summary>The human table: one per environment, plus the Python and host OS lifecycle lines.</summary>
internal static class OutdatedTableRenderer
{
    public static void Render(IAnsiConsole console, OutdatedResult result, Func<OutdatedPackage, bool> include, string index)
    {
        console.MarkupLine($"[grey]index {Markup.Escape(index)} · as of {result.AsOf:yyyy-MM-dd}[/]");
        if (result.HostOs is not null)
        {
            console.MarkupLine($"host OS: {Markup.Escape(result.HostOs)} {Describe(result.HostOsEol)}");
        }

        foreach (var environment in result.Environments)
        {
            console.MarkupLine($"[bold]{Markup.Escape(environment.Path)}[/] ({Markup.Escape(environment.Kind)})" +
                (environment.PythonVersion is null ? "" : $" Python {Markup.Escape(environment.PythonVersion)} {Describe(environment.PythonEol)}"));
            var table = new Table().AddColumns("Package", "Version", "Latest", "In minor", "In major", "Kind", "Recommended", "Notes", "EOL");
            foreach (var package in environment.Packages.Where(include))
            {
                var r = package.Report;
                var notes = new List<string>();
                if (r.Yanked)
                {
                    notes.Add("yanked" + (r.YankedReason is null ? "" : $": {r.YankedReason}"));
                }

                if (r.BlockedByPython is { } b)
                {
                    notes.Add($"{b.Version} needs Python {b.RequiresPython}");
                }

                if (r.Status.IsNotable)
                {
                    notes.Add(r.Status.Status);
                }

                if (r.Stale)
                {
                    notes.Add("no release in 2+ years");
                }

                if (r.Note is not null)
                {
                    notes.Add(r.Note);
                }

                table.AddRow(Cell(r.Name), Cell(r.Version), Cell(r.Latest), Cell(r.LatestInMinor), Cell(r.LatestInMajor),
                    Cell(r.Kind.ToString().ToLowerInvariant()), Cell(r.Recommended), Cell(string.Join("; ", notes)), new Markup(Describe(package.Eol)));
            }

            console.Write(table);
        }
    }

    private static Markup Cell(string? text) => new(Markup.Escape(text ?? "-"));

    private static string Describe(EolStatus? eol)
    {
        if (eol is null || (eol.Cycle is null && eol.Distribution is null))
        {
            return "";
        }

        var colour = eol.EffectiveEol ? "red" : eol.EolSoon ? "yellow" : "green";
        return $"[{colour}]{Markup.Escape(EolText.Describe(eol))}[/]";
    }
}
