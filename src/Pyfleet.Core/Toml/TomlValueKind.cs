namespace Pyfleet.Core.Toml;

/// <summary>The TOML scalar types (TOML 1.0.0).</summary>
public enum TomlValueKind
{
    String,
    Integer,
    Float,
    Boolean,

    /// <summary>Offset date-time; <see cref="TomlValue.Value"/> is a <see cref="DateTimeOffset"/>.</summary>
    OffsetDateTime,

    /// <summary>Local date-time; a <see cref="DateTime"/> of kind Unspecified.</summary>
    LocalDateTime,

    /// <summary>A <see cref="DateOnly"/>.</summary>
    LocalDate,

    /// <summary>A <see cref="TimeOnly"/>.</summary>
    LocalTime,
}
