namespace Pyfleet.Core.Inventory;

/// <summary>A problem met while reading (unreadable folder, truncated METADATA, symlink loop). The scan goes on.</summary>
public sealed record ScanWarning(string Path, string Message);
