using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Inventory;
using Pyfleet.Server.Tests.Support;

namespace Pyfleet.Server.Tests.Api;

public sealed class FleetApiTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FleetFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Enroll_ThenPush_ThenWho_AnswersFromLatestSnapshot()
    {
        var enroll = await _factory.TokenAsync(TokenScopes.Enroll);
        var enrolled = await _factory.Client(enroll).PostAsJsonAsync("/api/v1/enroll", new { host = "web1" });
        var hostToken = (await Json(enrolled)).GetProperty("token").GetString();

        var pushed = await Push(_factory.Client(hostToken), Inventories.Make("web1", T0, ("/srv/app/.venv", ["django==4.2.7"])));
        var again = await Push(_factory.Client(hostToken), Inventories.Make("web1", T0, ("/srv/app/.venv", ["django==4.2.7"])));
        var who = await _factory.Client(await _factory.TokenAsync(TokenScopes.Read)).GetAsync("/api/v1/who?spec=" + Uri.EscapeDataString("Django~=4.2.7"));

        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var snapshot = (await Json(pushed)).GetProperty("snapshot").GetInt64();
        Assert.Equal(snapshot, (await Json(again)).GetProperty("snapshot").GetInt64());
        var match = Assert.Single((await Json(who)).GetProperty("matches").EnumerateArray());
        Assert.Equal("web1", match.GetProperty("host").GetString());
        Assert.Equal("/srv/app/.venv", match.GetProperty("environment").GetString());
        Assert.Equal("venv", match.GetProperty("kind").GetString());
        Assert.Equal("shop", match.GetProperty("labels")[0].GetString());
        Assert.Equal("django", match.GetProperty("package").GetString());
        Assert.Equal("4.2.7", match.GetProperty("version").GetString());
        Assert.Equal(snapshot, match.GetProperty("snapshot").GetInt64());
        Assert.Equal(JsonValueKind.Null, match.GetProperty("osPackage").ValueKind);
        Assert.Equal(T0, match.GetProperty("scannedAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData(null, 401)]
    [InlineData("pft_wrongwrongwrongwrongwrongwrongwrongwrongwro", 401)]
    [InlineData("not-a-token", 401)]
    public async Task Push_MissingOrWrongToken_IsUnauthorizedProblem(string? token, int status)
    {
        var response = await Push(_factory.Client(token), Inventories.Make("web1", T0));

        await AssertProblem(response, status);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Push_ExpiredOrRevokedToken_IsUnauthorized()
    {
        var (expired, _) = await _factory.Fleet.CreateTokenAsync(TokenScopes.Ingest, "web1", null, TimeSpan.FromHours(1), default);
        var (revoked, stored) = await _factory.Fleet.CreateTokenAsync(TokenScopes.Ingest, "web1", null, null, default);
        await _factory.Store.RevokeTokenAsync(stored.Id, T0, default);
        _factory.Clock.Now = T0.AddHours(2);

        await AssertProblem(await Push(_factory.Client(expired), Inventories.Make("web1", T0)), 401);
        await AssertProblem(await Push(_factory.Client(revoked), Inventories.Make("web1", T0)), 401);
    }

    [Fact]
    public async Task Push_HostTokenForAnotherHost_IsForbidden()
    {
        var token = await _factory.TokenAsync(TokenScopes.Ingest, "web1");

        await AssertProblem(await Push(_factory.Client(token), Inventories.Make("web2", T0)), 403);
        Assert.Empty(await _factory.Store.ListHostsAsync(default));
    }

    [Fact]
    public async Task Push_ReadToken_IsForbidden()
    {
        await AssertProblem(await Push(_factory.Client(await _factory.TokenAsync(TokenScopes.Read)), Inventories.Make("web1", T0)), 403);
    }

    [Fact]
    public async Task Push_Gzip_IsAccepted()
    {
        var json = Encoding.UTF8.GetBytes(InventoryJson.Serialize(Inventories.Make("web1", T0, ("/v", ["six==1.16.0"]))));
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }

        var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        var response = await _factory.Client(await _factory.TokenAsync(TokenScopes.Ingest, "web1")).PostAsync("/api/v1/snapshots", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Push_GzipBomb_IsTooLarge()
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write("{\"schemaVersion\":1,\"pad\":\""u8);
            var zeros = new byte[1 << 20];
            Array.Fill(zeros, (byte)'0');
            for (var i = 0; i < 64; i++)
            {
                gzip.Write(zeros);
            }
        }

        var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        Assert.True(compressed.Length < _factory.Options.MaxBodyBytes);

        await AssertProblem(await _factory.Client(await _factory.TokenAsync(TokenScopes.Ingest, "web1")).PostAsync("/api/v1/snapshots", content), 413);
    }

    [Fact]
    public async Task Push_Oversized_IsTooLarge()
    {
        var content = new ByteArrayContent(new byte[_factory.Options.MaxBodyBytes + 1]);

        await AssertProblem(await _factory.Client(await _factory.TokenAsync(TokenScopes.Ingest, "web1")).PostAsync("/api/v1/snapshots", content), 413);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"schemaVersion\":1}")]
    [InlineData("not json at all")]
    public async Task Push_MalformedBody_IsBadRequest(string body)
    {
        var response = await _factory.Client(await _factory.TokenAsync(TokenScopes.Ingest, "web1")).PostAsync("/api/v1/snapshots", new StringContent(body));

        await AssertProblem(response, 400);
    }

    [Fact]
    public async Task Push_Nested100000Deep_IsBadRequest()
    {
        var body = "{\"schemaVersion\":1,\"host\":" + new string('[', 100_000) + new string(']', 100_000) + "}";
        var response = await _factory.Client(await _factory.TokenAsync(TokenScopes.Ingest, "web1")).PostAsync("/api/v1/snapshots", new StringContent(body));

        await AssertProblem(response, 400);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("a/b")]
    [InlineData("x'; DROP TABLE fleet_hosts; --")]
    public async Task Enroll_PathOrSqlShapedHost_IsBadRequest(string host)
    {
        var response = await _factory.Client(await _factory.TokenAsync(TokenScopes.Enroll)).PostAsJsonAsync("/api/v1/enroll", new { host });

        await AssertProblem(response, 400);
    }

    [Fact]
    public async Task Who_BadSpec_IsBadRequestProblem()
    {
        var response = await _factory.Client(await _factory.TokenAsync(TokenScopes.Read)).GetAsync("/api/v1/who?spec=" + Uri.EscapeDataString("django<4 ; python_version<'3'"));

        await AssertProblem(response, 400);
    }

    [Fact]
    public async Task Hosts_History_Diff_Requirements_FollowTheSnapshots()
    {
        var ingest = _factory.Client(await _factory.TokenAsync(TokenScopes.Ingest, "web1"));
        var first = await Json(await Push(ingest, Inventories.Make("web1", T0, ("/srv/app/.venv", ["django==4.2.7", "six==1.16.0"]))));
        await Push(ingest, Inventories.Make("web1", T0.AddDays(1), ("/srv/app/.venv", ["django==4.2.8", "idna==3.6"])));
        var read = _factory.Client(await _factory.TokenAsync(TokenScopes.Read));

        var hosts = await Json(await read.GetAsync("/api/v1/hosts"));
        var history = await Json(await read.GetAsync("/api/v1/hosts/web1/snapshots"));
        var diff = await Json(await read.GetAsync("/api/v1/diff?host=web1"));
        var requirements = await read.GetStringAsync($"/api/v1/hosts/web1/environments/srv/app/.venv/requirements?snapshot={first.GetProperty("snapshot").GetInt64()}");

        Assert.Equal("web1", hosts.GetProperty("hosts")[0].GetProperty("name").GetString());
        Assert.Equal(2, history.GetProperty("snapshots").GetArrayLength());
        Assert.Equal(["changed django", "added idna", "removed six"], diff.GetProperty("changes").EnumerateArray().Select(c => $"{c.GetProperty("change").GetString()} {c.GetProperty("package").GetString()}"));
        Assert.Contains("\ndjango==4.2.7\n", requirements, StringComparison.Ordinal);
        Assert.Contains("\nsix==1.16.0\n", requirements, StringComparison.Ordinal);
        await AssertProblem(await read.GetAsync("/api/v1/hosts/nosuch"), 404);
    }

    [Fact]
    public async Task Metrics_AfterPushes_CountsThemAndLeaksNoSecret()
    {
        var token = await _factory.TokenAsync(TokenScopes.Ingest, "web1");
        await Push(_factory.Client(token), Inventories.Make("web1", T0));

        var metrics = await _factory.CreateClient().GetStringAsync("/metrics");

        Assert.Contains("pyfleet_ingest_total{result=\"created\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("pyfleet_hosts 1", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(token, metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(token[4..12], metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_IsProblem()
    {
        await AssertProblem(await _factory.CreateClient().GetAsync("/api/v1/nothing"), 404);
    }

    [Fact]
    public async Task Healthz_StoreAnswers_IsOk()
    {
        Assert.Equal("ok\n", await _factory.CreateClient().GetStringAsync("/healthz"));
    }

    internal static Task<HttpResponseMessage> Push(HttpClient client, InventoryDocument document) =>
        client.PostAsync("/api/v1/snapshots", new StringContent(InventoryJson.Serialize(document), Encoding.UTF8, "application/json"));

    internal static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    internal static async Task AssertProblem(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}
