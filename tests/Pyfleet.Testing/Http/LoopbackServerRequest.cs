namespace Pyfleet.Testing.Http;

/// <summary>A request as <see cref="LoopbackServer"/> received it (header names lower-cased).</summary>
public sealed record LoopbackServerRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}
