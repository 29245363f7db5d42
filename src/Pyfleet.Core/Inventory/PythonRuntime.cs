namespace Pyfleet.Core.Inventory;

/// <summary>An environment's Python itself, an inventory item of its own (for EOL checks).</summary>
/// <param name="Version">Full version when known (<c>3.11.7</c>), else <c>X.Y</c>.</param>
/// <param name="Implementation">Lowercase <c>sys.implementation.name</c>: <c>cpython</c>, <c>pypy</c>.</param>
public sealed record PythonRuntime(string Version, string Implementation = "cpython");
