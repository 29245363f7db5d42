namespace Pyfleet.Core.Advisories.Cvss;

/// <summary>Why a string is not a valid CVSS v4.0 vector (specification, section "Vector String").</summary>
public enum Cvss4ParseError
{
    /// <summary>The vector parsed.</summary>
    None = 0,

    /// <summary>Empty input, or the vector does not start with <c>CVSS:4.0/</c>.</summary>
    MissingPrefix,

    /// <summary>A component is not of the form <c>Metric:Value</c> (e.g. an empty segment or a missing colon).</summary>
    MalformedComponent,

    /// <summary>A metric abbreviation that CVSS v4.0 does not define.</summary>
    UnknownMetric,

    /// <summary>A value the metric does not allow (base metrics never allow <c>X</c>).</summary>
    InvalidValue,

    /// <summary>The same metric appears twice.</summary>
    DuplicateMetric,

    /// <summary>One of the eleven mandatory Base metrics is absent.</summary>
    MissingBaseMetric,
}
