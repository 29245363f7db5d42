using System.Security.Cryptography;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Fleet.Client;

/// <summary>
/// One agent cycle: spool the new scan (unless it is the same inventory as the last acknowledged one, in which
/// case a heartbeat is sent instead), then send the spool oldest first until it is empty or the server is down.
/// </summary>
public sealed class FleetAgent(FleetUploader uploader, AgentSpool spool, string stateFile, TimeProvider clock)
{
    /// <summary>What a cycle did, for the agent's log line.</summary>
    public sealed record CycleResult(int Sent, int Pending, int Rejected, bool Heartbeat, string? Error);

    public async Task<CycleResult> RunCycleAsync(InventoryDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);

        // Unchanged means the same inventory apart from the scan time.
        var contentHash = Convert.ToHexStringLower(SnapshotContent.Hash(document with { ScannedAt = DateTimeOffset.UnixEpoch }));
        var heartbeat = false;
        string? error = null;
        if (spool.Pending().Count == 0 && ReadState() == contentHash)
        {
            try
            {
                await uploader.HeartbeatAsync(document.Host.Name, cancellationToken);
                return new CycleResult(0, 0, 0, Heartbeat: true, null);
            }
            catch (FleetClientException ex) when (ex.Status == 404)
            {
                // The server lost the host (a new database): send the document again.
            }
            catch (FleetClientException ex) when (ex.IsRetryable)
            {
                return new CycleResult(0, 0, 0, Heartbeat: false, ex.Message);
            }
        }

        var json = System.Text.Encoding.UTF8.GetBytes(InventoryJson.Serialize(document, indented: false));
        var mine = spool.Add(json, clock.GetUtcNow());
        int sent = 0, rejected = 0;
        foreach (var path in spool.Pending())
        {
            try
            {
                var body = await File.ReadAllBytesAsync(path, cancellationToken);
                await uploader.PushAsync(InventoryReader.Open(body, path).Host.Name, body, cancellationToken);
                File.Delete(path);
                sent++;
                if (path == mine)
                {
                    WriteState(contentHash);
                }
            }
            catch (FleetClientException ex) when (ex.IsRetryable)
            {
                error = ex.Message;
                break;
            }
            catch (Errors.PyfleetException ex)
            {
                spool.Reject(path);
                rejected++;
                error = ex.Describe();
            }
        }

        return new CycleResult(sent, spool.Pending().Count, rejected, heartbeat, error);
    }

    private string? ReadState()
    {
        try
        {
            return File.Exists(stateFile) ? File.ReadAllText(stateFile).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private void WriteState(string contentHash)
    {
        var temporary = stateFile + ".tmp";
        File.WriteAllText(temporary, contentHash);
        File.Move(temporary, stateFile, overwrite: true);
    }

    /// <summary>A random delay in [0, <paramref name="spread"/>) so a fleet started together does not push together.</summary>
    public static TimeSpan Jitter(TimeSpan spread) =>
        spread <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32((int)Math.Min(spread.TotalMilliseconds, int.MaxValue)));
}
