namespace Pyfleet.Core.Manifests.Requirements.Internal;

/// <summary>One line after continuation joining, comment stripping and <c>${VAR}</c> expansion.</summary>
/// <param name="Number">1-based number of the first physical line.</param>
/// <param name="Text">The stripped, expanded text (never empty).</param>
internal readonly record struct LogicalLine(int Number, string Text);
