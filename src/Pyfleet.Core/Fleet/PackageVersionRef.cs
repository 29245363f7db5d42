namespace Pyfleet.Core.Fleet;

/// <summary>A row of the (name, version) dictionary.</summary>
public sealed record PackageVersionRef(long Id, string Name, string Version);
