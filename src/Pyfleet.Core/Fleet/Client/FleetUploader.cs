namespace Pyfleet.Core.Fleet.Client;

/// <summary>
/// Pushes inventories to a server with the right key: the saved host token when there is one; else the given
/// token is first offered to <c>/api/v1/enroll</c> (an enroll token becomes a host token, saved 0600) and, when
/// the server says it is not an enroll token (403), used to push directly (an ingest or admin token).
/// </summary>
public sealed class FleetUploader(HttpClient http, Uri server, string token, HostTokenFile saved)
{
    public Uri Server => server;

    public async Task<(PushResponse Response, bool Created)> PushAsync(string host, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        if (saved.Read(server, host) is { } hostToken)
        {
            try
            {
                return await new FleetClient(http, server, hostToken).PushAsync(json, cancellationToken);
            }
            catch (FleetClientException ex) when (ex.Status == 401)
            {
                // The saved key was revoked or expired: enrol again with the configured token.
            }
        }

        return await new FleetClient(http, server, await KeyForAsync(host, cancellationToken)).PushAsync(json, cancellationToken);
    }

    public async Task<HeartbeatResponse> HeartbeatAsync(string host, CancellationToken cancellationToken) =>
        await new FleetClient(http, server, saved.Read(server, host) ?? await KeyForAsync(host, cancellationToken)).HeartbeatAsync(host, cancellationToken);

    private async Task<string> KeyForAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            var enrolled = await new FleetClient(http, server, token).EnrollAsync(host, cancellationToken);
            saved.Write(server, host, enrolled.Token);
            return enrolled.Token;
        }
        catch (FleetClientException ex) when (ex.Status == 403)
        {
            return token;
        }
    }
}
