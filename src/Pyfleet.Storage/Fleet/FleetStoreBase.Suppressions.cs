using Dapper;
using Pyfleet.Core.Fleet.Suppressions;
using Pyfleet.Storage.Fleet.Internal;

namespace Pyfleet.Storage.Fleet;

/// <summary>Suppressions: stored here, applied by every findings read (a finding is suppressed by the first active match, by id).</summary>
public abstract partial class FleetStoreBase
{
    public async Task<FleetSuppression> AddSuppressionAsync(FleetSuppression suppression, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suppression);
        await using var connection = await OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO fleet_suppressions (package, advisory, host, label, reason, created_ms, expires_ms, created_by)
            VALUES (@Package, @Advisory, @Host, @Label, @Reason, @created, @expires, @CreatedBy) RETURNING id
            """, new
        {
            suppression.Package,
            suppression.Advisory,
            suppression.Host,
            suppression.Label,
            suppression.Reason,
            created = FleetRows.Ms(suppression.CreatedAt),
            expires = suppression.ExpiresAt is { } e ? FleetRows.Ms(e) : (long?)null,
            suppression.CreatedBy,
        }, cancellationToken: cancellationToken));
        return suppression with { Id = id };
    }

    public async Task<IReadOnlyList<FleetSuppression>> ListSuppressionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SuppressionRow>(new CommandDefinition("SELECT * FROM fleet_suppressions ORDER BY id", cancellationToken: cancellationToken));
        return rows.Select(r => new FleetSuppression(
            r.Id, r.Package is null ? null : FleetRows.PackageName(r.Package), r.Advisory, r.Host, r.Label, r.Reason,
            FleetRows.Time(r.Created_Ms), r.Expires_Ms is { } e ? FleetRows.Time(e) : null, r.Created_By)).ToList();
    }

    public async Task<bool> DeleteSuppressionAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM fleet_suppressions WHERE id = @id", new { id }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// SQL for the reason of the first active suppression covering the finding <c>f</c> (with <c>h</c>, <c>e</c>,
    /// <c>p</c> joined), null when none; expiry is judged at the parameter <c>@now</c> (Unix ms).
    /// </summary>
    protected internal string SuppressedReason => $"""
        (SELECT s.reason FROM fleet_suppressions s
         WHERE (s.expires_ms IS NULL OR s.expires_ms > @now)
           AND (s.package IS NULL OR s.package = p.name)
           AND (s.host IS NULL OR s.host = h.name)
           AND (s.advisory IS NULL OR EXISTS (SELECT 1 FROM fleet_finding_names n WHERE n.name = s.advisory AND n.package_id = f.package_id AND n.finding_key = f.finding_key))
           AND (s.label IS NULL OR {LabelClause("e.labels", "s.label")})
         ORDER BY s.id LIMIT 1)
        """;
}
