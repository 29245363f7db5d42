namespace Pyfleet.Core.Inventory;

/// <summary>The OS package that owns an installed distribution (<c>dpkg</c>: python3-django 3:3.2.25-0+deb12u7, source python-django).</summary>
public sealed record OsPackageInfo(string Manager, string Name, string Version, string? Source, string? SourceVersion = null);
