namespace Pyfleet.Core.Inventory;

/// <summary>The scanned host: its name and, when known, its operating system from <c>/etc/os-release</c>.</summary>
public sealed record HostInfo
{
    public required string Name { get; init; }
    public OperatingSystemInfo? Os { get; init; }
}

/// <summary><c>/etc/os-release</c> essentials: <c>ID</c> (debian, ubuntu), <c>VERSION_ID</c> (12), <c>VERSION_CODENAME</c> (bookworm).</summary>
public sealed record OperatingSystemInfo(string Id, string? VersionId, string? Codename, string? PrettyName);
