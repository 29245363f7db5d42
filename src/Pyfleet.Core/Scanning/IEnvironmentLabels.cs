namespace Pyfleet.Core.Scanning;

/// <summary>
/// Gives each environment its labels (the applications or sites that use it). The config file's
/// <c>[labels]</c> table will implement this; until then the CLI builds one from <c>--label PATH=NAME</c>.
/// </summary>
public interface IEnvironmentLabels
{
    /// <summary>Labels for the environment rooted at <paramref name="environmentPath"/> (absolute, as reported); empty when none.</summary>
    IReadOnlyList<string> For(string environmentPath);
}
