using Pyfleet.Core.Inventory;
using Pyfleet.Core.Scanning;

namespace Pyfleet.Core.Application.Inputs;

/// <summary>How inputs are found and read; the same for <c>scan</c>, <c>audit</c>, <c>outdated</c> and the server.</summary>
public sealed record InventorySourceOptions
{
    /// <summary>Relative inputs are relative to this folder.</summary>
    public required string CurrentDirectory { get; init; }

    /// <summary>Environment variables, for manifests that name them (<c>${PIP_INDEX_URL}</c>) and the user's home.</summary>
    public Func<string, string?> GetEnvironment { get; init; } = _ => null;

    /// <summary>Also the host's standard locations (<c>/usr</c>, <c>/usr/local</c>, <c>/opt</c>, pyenv, conda, user site).</summary>
    public bool IncludeSystem { get; init; }

    /// <summary>Read a mounted image as if it were <c>/</c> (<c>--root</c>).</summary>
    public string? RootPrefix { get; init; }

    public IReadOnlyList<string> Excludes { get; init; } = [];

    public int MaxDepth { get; init; } = 16;

    public bool FollowSymlinks { get; init; }

    /// <summary>Labels for every environment of every input kind (config <c>[labels]</c> + <c>--label</c>).</summary>
    public IEnvironmentLabels Labels { get; init; } = EnvironmentLabels.None;

    /// <summary>How inventory documents make their strings (<see cref="InventoryStrings.Share"/> for a one-shot audit).</summary>
    public InventoryStrings Strings { get; init; } = InventoryStrings.Copy;

    /// <summary>Loads <c>snapshot:ID</c> from the store; null when this host has no store (the input is then an error).</summary>
    public Func<long, InventoryDocument>? LoadSnapshot { get; init; }
}
