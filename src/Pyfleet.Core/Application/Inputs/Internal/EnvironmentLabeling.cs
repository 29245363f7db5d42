using Pyfleet.Core.Inventory;
using Pyfleet.Core.Scanning;

namespace Pyfleet.Core.Application.Inputs.Internal;

/// <summary>Adds the configured labels to environments that were not scanned here (documents, snapshots, manifests).</summary>
internal static class EnvironmentLabeling
{
    public static IEnumerable<PythonEnvironment> Apply(IEnumerable<PythonEnvironment> environments, IEnvironmentLabels labels) =>
        ReferenceEquals(labels, EnvironmentLabels.None) ? environments : environments.Select(e => Apply(e, labels));

    public static PythonEnvironment Apply(PythonEnvironment environment, IEnvironmentLabels labels)
    {
        var extra = labels.For(environment.Path);
        if (extra.Count == 0)
        {
            return environment;
        }

        return environment with { Labels = [.. environment.Labels.Concat(extra).Distinct(StringComparer.Ordinal)] };
    }
}
