namespace Pyfleet.Core.Releases.Fixing;

/// <summary>One pin to change: the new version and, for hashed requirements, the new <c>--hash</c> values.</summary>
public sealed record PinEdit(PinLocation Pin, string NewVersion, IReadOnlyList<string>? Hashes);
