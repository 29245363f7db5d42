namespace Pyfleet.Dashboard.Access;

/// <summary>A page that needs an <c>admin</c> token (tokens, suppressions, notification channels).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AdminPageAttribute : Attribute;
