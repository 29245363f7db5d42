namespace Pyfleet.Dashboard.Rendering;

/// <summary>URLs of the dashboard's pages, each path segment escaped (host names, package names, labels, advisory ids).</summary>
public static class Links
{
    public static string Host(string name) => "/hosts/" + Uri.EscapeDataString(name);

    public static string HostSnapshot(string name, long snapshot) => Host(name) + "?snapshot=" + snapshot;

    public static string Package(string name) => "/packages/" + Uri.EscapeDataString(name);

    public static string Label(string label) => "/labels/" + Uri.EscapeDataString(label);

    public static string Advisory(string id) => "/advisories/" + Uri.EscapeDataString(id);

    /// <summary>The dashboard's download of a pinned requirements.txt (the same text as the API's).</summary>
    public static string Requirements(string host, string environment, long snapshot) =>
        Host(host) + "/requirements?environment=" + Uri.EscapeDataString(environment) + "&snapshot=" + snapshot;

    /// <summary>The API endpoint that gives the same file to a script with a bearer token.</summary>
    public static string RequirementsApi(string host, string environment, long snapshot) =>
        "/api/v1/hosts/" + Uri.EscapeDataString(host) + "/environments/" + string.Join('/', environment.Trim('/').Split('/').Select(Uri.EscapeDataString)) + "/requirements?snapshot=" + snapshot;
}
