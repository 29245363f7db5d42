namespace Pyfleet.Packaging.Specifiers;

/// <summary>PEP 440 comparison operators.</summary>
public enum SpecifierOperator
{
    Compatible,       // ~=
    Equal,            // ==
    NotEqual,         // !=
    LessThanOrEqual,  // <=
    GreaterThanOrEqual, // >=
    LessThan,         // <
    GreaterThan,      // >
    ArbitraryEqual,   // ===
}
