using Microsoft.Extensions.DependencyInjection;
using Pyfleet.Core.Fleet.Findings;

namespace Pyfleet.Dashboard.Rendering;

/// <summary>
/// The services a page shows when the server runs them (the findings analysis, suppressions, notifications); a
/// page without one says so instead of showing an empty list, which would read as "nothing found".
/// </summary>
public sealed class OptionalServices(IServiceProvider services)
{
    public IFleetFindings? Findings { get; } = services.GetService<IFleetFindings>();
}
