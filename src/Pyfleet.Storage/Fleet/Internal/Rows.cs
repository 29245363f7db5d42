namespace Pyfleet.Storage.Fleet.Internal;

// Dapper row shapes (settable, engine-neutral types); mapped to the Core records in FleetRows.
#pragma warning disable CA1812 // instantiated by Dapper
internal sealed class TokenRow
{
    public long Id { get; set; }
    public byte[] Hash { get; set; } = [];
    public string Scope { get; set; } = "";
    public string? Host { get; set; }
    public string? Name { get; set; }
    public long Created_Ms { get; set; }
    public long? Expires_Ms { get; set; }
    public long? Revoked_Ms { get; set; }
}

internal sealed class HostRow
{
    public string Name { get; set; } = "";
    public string? Os { get; set; }
    public long First_Seen_Ms { get; set; }
    public long Last_Seen_Ms { get; set; }
    public long? Latest_Snapshot_Id { get; set; }
    public long? Latest_Scanned_Ms { get; set; }
    public long Environment_Count { get; set; }
    public long Package_Count { get; set; }
}

internal sealed class SnapshotRow
{
    public long Id { get; set; }
    public string Host { get; set; } = "";
    public byte[] Sha256 { get; set; } = [];
    public long Scanned_Ms { get; set; }
    public long Received_Ms { get; set; }
    public long Environment_Count { get; set; }
    public long Package_Count { get; set; }
}

internal sealed class MatchRow
{
    public string Host { get; set; } = "";
    public string Path { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Labels { get; set; } = "[]";
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";
    public string? Os_Package { get; set; }
    public long Snapshot { get; set; }
    public long Scanned_Ms { get; set; }
}

internal sealed class PackageRow
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";
}
#pragma warning restore CA1812

#pragma warning disable CA1812 // instantiated by Dapper
internal sealed class PairFindingRow
{
    public long Package_Id { get; set; }
    public string Finding_Key { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Advisory_Id { get; set; }
    public string Aliases { get; set; } = "[]";
    public string? Summary { get; set; }
    public string Severity { get; set; } = "";
    public string? Fixed_Version { get; set; }
    public string? Eol_Date { get; set; }
}

internal sealed class OpenFindingRow
{
    public long Id { get; set; }
    public string Path { get; set; } = "";
    public long Environment_Id { get; set; }
    public long Package_Id { get; set; }
    public string Finding_Key { get; set; } = "";
}

/// <summary>A finding with everything a <c>FleetFinding</c> or a <c>FleetEventItem</c> shows (pair columns null once withdrawn).</summary>
internal sealed class FindingRow
{
    public long Id { get; set; }
    public string Host { get; set; } = "";
    public string Path { get; set; } = "";
    public string Env_Kind { get; set; } = "";
    public string Labels { get; set; } = "[]";
    public long Package_Id { get; set; }
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";
    public string? Os_Package { get; set; }
    public string Finding_Key { get; set; } = "";
    public string? Kind { get; set; }
    public string? Advisory_Id { get; set; }
    public string? Aliases { get; set; }
    public string? Summary { get; set; }
    public string? Severity { get; set; }
    public string? Fixed_Version { get; set; }
    public string? Eol_Date { get; set; }
    public string? Suppressed { get; set; }
    public long Snapshot { get; set; }
    public long First_Seen_Ms { get; set; }
}

internal sealed class EventRow
{
    public long Id { get; set; }
    public string Key { get; set; } = "";
    public string Cause { get; set; } = "";
    public long Occurred_Ms { get; set; }
    public string Items { get; set; } = "[]";
}
#pragma warning restore CA1812

#pragma warning disable CA1812 // instantiated by Dapper
internal sealed class SuppressionRow
{
    public long Id { get; set; }
    public string? Package { get; set; }
    public string? Advisory { get; set; }
    public string? Host { get; set; }
    public string? Label { get; set; }
    public string Reason { get; set; } = "";
    public long Created_Ms { get; set; }
    public long? Expires_Ms { get; set; }
    public string? Created_By { get; set; }
}
#pragma warning restore CA1812
