using Pyfleet.Core.Inventory;
using Pyfleet.Core.Lifecycle;

namespace Pyfleet.Core.Releases.Analysis;

/// <summary>One package's upgrade report plus its lifecycle verdict.</summary>
public sealed record OutdatedPackage(UpgradeReport Report, EolStatus? Eol, OsPackageInfo? OsPackage, string? Origin);
