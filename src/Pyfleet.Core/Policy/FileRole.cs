namespace Pyfleet.Core.Policy;

/// <summary>What a requirements file is for, from its name (<c>requirements-dev.txt</c>, <c>requirements/prod.txt</c>).</summary>
public enum FileRole
{
    /// <summary>No role in the name (<c>requirements.txt</c>): treated as what gets deployed.</summary>
    Default,
    Production,
    Base,
    Development,
    Test,
    Documentation,
}
