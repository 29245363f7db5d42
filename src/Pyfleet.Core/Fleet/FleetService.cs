using Pyfleet.Core.Fleet.Analysis;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Fleet;

/// <summary>
/// The fleet's application service, the same for the server and the CLI: tokens, enrolment, ingest (checked
/// against the token's host, and analysed in the same transaction when <paramref name="analysis"/> is given),
/// <c>who</c>, hosts and history. Failures a client caused are <see cref="FleetException"/>s.
/// </summary>
public sealed class FleetService(IFleetStore store, TimeProvider clock, AnalysisDataSource? analysis = null)
{
    public IFleetStore Store => store;

    /// <summary>The analysis data the server judges snapshots with; null where nothing is analysed (the CLI's local store).</summary>
    public AnalysisDataSource? Analysis => analysis;

    /// <summary>Creates a token and returns its secret (shown once) with what was stored.</summary>
    public async Task<(string Secret, FleetToken Token)> CreateTokenAsync(string scope, string? host, string? name, TimeSpan? lifetime, CancellationToken cancellationToken)
    {
        if (!TokenScopes.IsKnown(scope))
        {
            throw FleetException.BadRequest($"unknown scope '{scope}' (one of {string.Join(", ", TokenScopes.All)})");
        }

        if (host is not null && HostNames.Problem(host) is { } problem)
        {
            throw FleetException.BadRequest($"host '{host}': {problem}");
        }

        var now = clock.GetUtcNow();
        var secret = TokenSecret.Generate();
        var token = await store.CreateTokenAsync(new NewToken(scope, host, name, now, lifetime is { } l ? now + l : null, TokenSecret.Hash(secret)), cancellationToken);
        return (secret, token);
    }

    /// <summary>The active token for <paramref name="secret"/> allowing <paramref name="scope"/>; 401 or 403 otherwise.</summary>
    public async Task<FleetToken> AuthenticateAsync(string? secret, string scope, CancellationToken cancellationToken)
    {
        if (!TokenSecret.LooksLikeSecret(secret))
        {
            throw FleetException.Unauthorized("a valid bearer token is required (Authorization: Bearer pft_...)");
        }

        var hash = TokenSecret.Hash(secret!);
        var token = await store.FindTokenAsync(hash, cancellationToken);
        if (token is null || !TokenSecret.HashesEqual(token.Hash, hash) || !token.IsActive(clock.GetUtcNow()))
        {
            // One answer for unknown, expired and revoked: nothing to learn about which tokens exist.
            throw FleetException.Unauthorized("the token is unknown, expired or revoked");
        }

        return TokenScopes.Allows(token.Scope, scope)
            ? token
            : throw FleetException.Forbidden($"this token's scope '{token.Scope}' does not allow '{scope}'");
    }

    /// <summary>Trades an enroll token for a new ingest token bound to <paramref name="host"/>.</summary>
    public async Task<string> EnrollAsync(FleetToken enrollToken, string? host, CancellationToken cancellationToken)
    {
        if (host is null || HostNames.Problem(host) is { } problem)
        {
            throw FleetException.BadRequest($"host '{host}': {HostNames.Problem(host)}");
        }

        var label = enrollToken.Name is null ? $"enrolled {host}" : $"enrolled {host} via {enrollToken.Name}";
        var (secret, _) = await CreateTokenAsync(TokenScopes.Ingest, host, label, null, cancellationToken);
        return secret;
    }

    /// <summary>Stores a pushed inventory document after checking that <paramref name="token"/> may write its host.</summary>
    public async Task<IngestResult> IngestAsync(FleetToken token, InventoryDocument document, CancellationToken cancellationToken)
    {
        var host = document.Host.Name;
        if (HostNames.Problem(host) is { } problem)
        {
            throw FleetException.BadRequest($"host '{host}': {problem}");
        }

        if (token.Host is not null && !string.Equals(token.Host, host, StringComparison.Ordinal))
        {
            throw FleetException.Forbidden($"this token is bound to host '{token.Host}' and cannot write host '{host}'");
        }

        var prepared = SnapshotContent.Prepare(document);
        SnapshotAnalysis? judged = null;
        if (analysis is not null)
        {
            // Judged before the transaction (in memory, cached per pair), applied inside it.
            var judge = await analysis.CurrentAsync(cancellationToken);
            judged = new SnapshotAnalysis(AnalysisVersion.Of(judge.Data), judge.Judge(prepared.Environments.SelectMany(e => e.Pairs())));
        }

        return await store.IngestAsync(prepared, clock.GetUtcNow(), judged, cancellationToken);
    }

    /// <summary>
    /// Every instance matching <paramref name="spec"/> in each host's latest snapshot: the specifier is evaluated
    /// over the distinct versions of the name in the dictionary, then the index gives their instances.
    /// </summary>
    public async Task<IReadOnlyList<WhoMatch>> WhoAsync(string? spec, CancellationToken cancellationToken)
    {
        var query = WhoQuery.Parse(spec);
        var versions = await store.VersionsAsync(query.Name, cancellationToken);
        var ids = versions.Where(v => query.Matches(v.Version)).Select(v => v.Id).ToList();
        return ids.Count == 0 ? [] : await store.LatestInstancesAsync(ids, cancellationToken);
    }

    /// <summary>Every instance, in each host's latest snapshot, of a pair that advisory <paramref name="id"/> (or an alias of it) affects.</summary>
    public async Task<IReadOnlyList<WhoMatch>> WhoVulnerableAsync(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 200)
        {
            throw FleetException.BadRequest("vuln must be an advisory id or alias (PYSEC-…, GHSA-…, CVE-…)");
        }

        var ids = await store.PairsWithAdvisoryAsync(id, cancellationToken);
        return ids.Count == 0 ? [] : await store.LatestInstancesAsync(ids, cancellationToken);
    }

    /// <summary>Every instance (interpreters included, as <c>python</c>) past its end of life in each host's latest snapshot.</summary>
    public async Task<IReadOnlyList<WhoMatch>> WhoEndOfLifeAsync(CancellationToken cancellationToken)
    {
        var ids = await store.PairsEndOfLifeAsync(cancellationToken);
        return ids.Count == 0 ? [] : await store.LatestInstancesAsync(ids, cancellationToken);
    }

    /// <summary>A host or 404.</summary>
    public async Task<FleetHost> HostAsync(string name, CancellationToken cancellationToken) =>
        (HostNames.IsValid(name) ? await store.GetHostAsync(name, cancellationToken) : null)
        ?? throw FleetException.NotFound($"no host '{name}'");

    /// <summary>A snapshot's document or 404.</summary>
    public async Task<InventoryDocument> SnapshotAsync(long id, CancellationToken cancellationToken) =>
        await store.LoadSnapshotAsync(id, cancellationToken) is { } stored
            ? SnapshotContent.Rebuild(stored)
            : throw FleetException.NotFound($"no snapshot {id}");

    /// <summary>
    /// The snapshot <paramref name="id"/> of <paramref name="host"/>, or its latest when null; 404 when there is none
    /// or when the snapshot belongs to another host.
    /// </summary>
    public async Task<(long Id, InventoryDocument Document)> HostSnapshotAsync(string host, long? id, CancellationToken cancellationToken)
    {
        var known = await HostAsync(host, cancellationToken);
        var chosen = id ?? known.LatestSnapshot ?? throw FleetException.NotFound($"host '{host}' has no snapshot");
        var stored = await store.LoadSnapshotAsync(chosen, cancellationToken);
        return stored is not null && string.Equals(stored.Summary.Host, host, StringComparison.Ordinal)
            ? (chosen, SnapshotContent.Rebuild(stored))
            : throw FleetException.NotFound($"host '{host}' has no snapshot {chosen}");
    }

    /// <summary>What changed on <paramref name="host"/> between two snapshots (default: the two latest).</summary>
    public async Task<SnapshotDiff> DiffAsync(string host, long? from, long? to, CancellationToken cancellationToken)
    {
        if (from is null)
        {
            var history = await store.ListSnapshotsAsync(host, 2, cancellationToken);
            to ??= history.Count > 0 ? history[0].Id : null;
            from = history.Count > 1 ? history[1].Id : to;
        }

        var (fromId, before) = await HostSnapshotAsync(host, from, cancellationToken);
        var (toId, after) = await HostSnapshotAsync(host, to, cancellationToken);
        return SnapshotDiff.Compute(host, fromId, before, toId, after);
    }

    /// <summary>A pinned requirements.txt of one environment of <paramref name="host"/> as it was in a snapshot.</summary>
    public async Task<string> RequirementsAsync(string host, string environment, long? snapshot, CancellationToken cancellationToken)
    {
        var (id, document) = await HostSnapshotAsync(host, snapshot, cancellationToken);
        var found = EnvironmentLookup.Find(document, environment)
            ?? throw FleetException.NotFound($"snapshot {id} of host '{host}' has no environment '{environment}'");
        return RequirementsExport.Write(host, id, document, found);
    }
}
