namespace Pyfleet.Fuzz;

/// <summary>
/// One reader under fuzz: <see cref="Run"/> feeds it the input and returns normally for a result or for the
/// typed, positioned error the reader is allowed to give; any other exception is a finding.
/// </summary>
/// <param name="Name">The name given to <c>scripts/fuzz.sh</c>.</param>
/// <param name="Seeds">The corpus it starts from: the real fixtures of its format, else small samples.</param>
/// <param name="Run">Reads one input.</param>
internal sealed record FuzzTarget(string Name, IReadOnlyList<byte[]> Seeds, Action<byte[]> Run);
