namespace Pyfleet.Storage.Fleet.Internal;

// Dapper row shapes of the dashboard's read models (FleetStoreBase.Views.cs).
#pragma warning disable CA1812 // instantiated by Dapper
internal sealed class CountsRow
{
    public long Hosts { get; set; }
    public long Environments { get; set; }
    public long Distinct_Environments { get; set; }
    public long Package_Instances { get; set; }
}

internal sealed class EnvironmentUseRow
{
    public long Id { get; set; }
    public string Path { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Labels { get; set; } = "[]";
    public byte[] Content { get; set; } = [];
    public long Hosts { get; set; }
    public string First_Host { get; set; } = "";
}

internal sealed class PackageEnvironmentRow
{
    public string Path { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Labels { get; set; } = "[]";
    public string Version { get; set; } = "";
    public long Hosts { get; set; }
    public string First_Host { get; set; } = "";
}
#pragma warning restore CA1812
