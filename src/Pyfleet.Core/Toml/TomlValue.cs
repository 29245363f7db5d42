using System.Globalization;

namespace Pyfleet.Core.Toml;

/// <summary>A TOML scalar: string (<see cref="string"/>), integer (<see cref="long"/>), float (<see cref="double"/>), boolean, or date/time.</summary>
public sealed class TomlValue : TomlNode
{
    public TomlValue(TomlValueKind kind, object value, int line)
        : base(line)
    {
        Kind = kind;
        Value = value;
    }

    public TomlValueKind Kind { get; }

    public object Value { get; }

    /// <summary>The value as text: strings as they are, other scalars in invariant culture (dates ISO 8601).</summary>
    public override string ToString() => Value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Value.ToString() ?? "",
    };
}
