namespace Pyfleet.Core.Releases.Fixing;

/// <summary>An exact pin found in a manifest, with where it sits so it can be edited in place.</summary>
/// <param name="Name">PEP 503 normalised name.</param>
/// <param name="Version">The pinned version text.</param>
/// <param name="Line">0-based index of the physical line holding the version token.</param>
/// <param name="Column">Start of the version token in that line.</param>
/// <param name="LastLine">0-based index of the last physical line of the logical line (hash continuations).</param>
/// <param name="HasHashes">The requirement carries <c>--hash</c> options.</param>
public sealed record PinLocation(string Name, string Version, int Line, int Column, int LastLine, bool HasHashes);
