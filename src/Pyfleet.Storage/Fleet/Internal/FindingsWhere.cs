using Dapper;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Analysis;
using Pyfleet.Core.Fleet.Findings;
using Pyfleet.Packaging.Names;

namespace Pyfleet.Storage.Fleet.Internal;

/// <summary>A <see cref="FindingsFilter"/> as SQL: the WHERE clause over <see cref="FleetFindingsSql.LeftJoins"/>, its parameters and the ORDER BY.</summary>
internal static class FindingsWhere
{
    public static (string Where, DynamicParameters Parameters) Build(FindingsFilter filter, FleetStoreBase store)
    {
        var clauses = new List<string> { "f.resolved_ms IS NULL", "pf.kind IS NOT NULL" };
        var parameters = new DynamicParameters();
        if (filter.Severity is { Length: > 0 } severity)
        {
            var rank = FindingSeverity.Rank(severity);
            if (rank < 0)
            {
                throw FleetException.BadRequest($"severity '{severity}' is not one of {string.Join(", ", FindingSeverity.Names.Reverse())}");
            }

            clauses.Add("pf.severity_rank >= @rank");
            parameters.Add("rank", rank);
        }

        if (filter.Package is { Length: > 0 } package)
        {
            // "python" also finds the interpreters (indexed under a name no distribution can have).
            var name = PackageName.Normalize(package);
            clauses.Add(name == InterpreterPair.DisplayName ? "(p.name = @package OR p.name = @interpreter)" : "p.name = @package");
            parameters.Add("package", name);
            parameters.Add("interpreter", InterpreterPair.Name);
        }

        Add(clauses, parameters, filter.Host, "h.name = @host", "host");
        Add(clauses, parameters, filter.EnvironmentKind, "e.kind = @kind", "kind");
        Add(clauses, parameters, filter.Kind, "pf.kind = @findingKind", "findingKind");
        if (filter.Label is { Length: > 0 } label)
        {
            clauses.Add(store.LabelClause("e.labels", "@label"));
            parameters.Add("label", label);
        }

        if (filter.Advisory is { Length: > 0 } advisory)
        {
            clauses.Add("EXISTS (SELECT 1 FROM fleet_finding_names n WHERE n.name = @advisory AND n.package_id = f.package_id AND n.finding_key = f.finding_key)");
            parameters.Add("advisory", advisory.Trim().ToUpperInvariant());
        }

        if (filter.FixAvailable is { } fix)
        {
            clauses.Add(fix ? "pf.fixed_version IS NOT NULL" : "pf.fixed_version IS NULL");
        }

        parameters.Add("now", (filter.AsOf ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds());
        if (!filter.IncludeSuppressed)
        {
            clauses.Add($"{store.SuppressedReason} IS NULL");
        }

        return (string.Join(" AND ", clauses), parameters);
    }

    public static string OrderBy(FindingsFilter filter, string collate)
    {
        var direction = filter.Descending ? "DESC" : "ASC";
        var primary = filter.Sort switch
        {
            "severity" => $"pf.severity_rank {direction}",
            "package" => $"p.name{collate} {direction}, p.version{collate} {direction}",
            "host" => $"h.name{collate} {direction}",
            "environment" => $"f.path{collate} {direction}",
            "advisory" => $"f.finding_key{collate} {direction}",
            "first-seen" => $"f.first_seen_ms {direction}",
            _ => throw FleetException.BadRequest($"sort '{filter.Sort}' is not one of severity, package, host, environment, advisory, first-seen"),
        };
        return $"{primary}, h.name{collate}, f.path{collate}, p.name{collate}, f.finding_key{collate}, f.id";
    }

    private static void Add(List<string> clauses, DynamicParameters parameters, string? value, string clause, string name)
    {
        if (value is { Length: > 0 })
        {
            clauses.Add(clause);
            parameters.Add(name, value);
        }
    }
}
