using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Pyfleet.Dashboard.Assets;

/// <summary>
/// The one style sheet, embedded in the assembly and served from memory at a URL that carries its hash, so it
/// can be cached for a year and a new release is fetched at once. No other asset exists: no script, no font.
/// </summary>
internal static class StyleSheet
{
    public const string Route = "/assets/dashboard.css";

    private static readonly byte[] Content = Load();

    private static readonly string Version = Convert.ToHexStringLower(SHA256.HashData(Content))[..12];

    public static string Href { get; } = $"{Route}?v={Version}";

    public static IResult Serve(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(Content, "text/css; charset=utf-8");
    }

    private static byte[] Load()
    {
        using var stream = typeof(StyleSheet).Assembly.GetManifestResourceStream("Pyfleet.Dashboard.dashboard.css")
            ?? throw new InvalidOperationException("the dashboard style sheet is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
