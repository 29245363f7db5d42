using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Pyfleet.Dashboard.Tests.Support;

namespace Pyfleet.Dashboard.Tests.Http;

/// <summary>Access rules over plain HTTP: redirects, bearer tokens, anti-forgery, cookie flags and headers.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class AccessTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Page_NoCredential_RedirectsToLoginWithReturnUrl()
    {
        using var http = Client();

        using var response = await http.GetAsync("/packages/django?x=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fpackages%2Fdjango%3Fx%3D1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Page_BearerToken_RendersWithoutCookie()
    {
        using var http = Client();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Server.ReadToken);

        using var response = await http.GetAsync("/hosts/db1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ubuntu 22.04.4 LTS", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_WrongBearerToken_Is401NotARedirect()
    {
        using var http = Client();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "pft_" + new string('B', 43));

        using var response = await http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Responses_CarryStrictContentSecurityPolicy()
    {
        using var http = Client();

        using var response = await http.GetAsync("/login");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRefused()
    {
        using var http = Client();

        using var response = await http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = fixture.Server.ReadToken }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("pyfleet_session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RevokeForm_CookieSessionWithoutAntiforgeryToken_IsRefusedAndRevokesNothing()
    {
        var (http, _) = await LoggedInAsync(fixture.Server.AdminToken);
        var victim = await fixture.Server.TokenAsync("read", "csrf-victim");
        var id = (await fixture.Server.Fleet.Store.ListTokensAsync(default)).Single(t => t.Name == "csrf-victim").Id;

        using var response = await http.PostAsync("/admin/tokens?handler=revoke", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await fixture.Server.Fleet.Store.ListTokensAsync(default)).Single(t => t.Id == id).RevokedAt);
        Assert.NotEmpty(victim);
        http.Dispose();
    }

    [Fact]
    public async Task Login_SetsHttpOnlyLaxCookieAndIgnoresForeignReturnUrl()
    {
        using var http = Client();
        var form = await FormTokenAsync(http, "/login");

        using var response = await http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = fixture.Server.ReadToken,
            ["__form"] = form,
            ["returnUrl"] = "//evil.example/",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pyfleet_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Api_StillAnswersProblemJsonBesideTheDashboard()
    {
        using var http = Client();

        using var response = await http.GetAsync("/api/v1/hosts");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = fixture.Server.BaseAddress };

    private async Task<(HttpClient Http, string Form)> LoggedInAsync(string token)
    {
        var http = Client();
        var form = await FormTokenAsync(http, "/login");
        using var response = await http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["__form"] = form }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (http, form);
    }

    private static async Task<string> FormTokenAsync(HttpClient http, string path)
    {
        var html = await http.GetStringAsync(path);
        return FormField().Match(html).Groups[1].Value;
    }

    [GeneratedRegex("name=\"__form\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormField();
}
