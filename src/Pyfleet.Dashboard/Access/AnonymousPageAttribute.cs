namespace Pyfleet.Dashboard.Access;

/// <summary>A page anyone may open (the login page); every other page needs a read or admin token.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AnonymousPageAttribute : Attribute;
