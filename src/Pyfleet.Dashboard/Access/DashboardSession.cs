using Pyfleet.Core.Fleet;

namespace Pyfleet.Dashboard.Access;

/// <summary>Who is looking at a page: the authenticated token and whether it came from the login cookie.</summary>
public sealed record DashboardSession(FleetToken Token, bool FromCookie)
{
    public bool IsAdmin => Token.Scope == TokenScopes.Admin;
}
