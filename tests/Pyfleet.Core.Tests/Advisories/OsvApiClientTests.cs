using System.IO.Compression;
using System.Text.Json;
using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Core.Configuration;
using Pyfleet.Core.Http;
using Pyfleet.Testing.Data;
using Pyfleet.Testing.Http;
using Pyfleet.Testing.Time;

namespace Pyfleet.Core.Tests.Advisories;

/// <summary>The OSV API client against a loopback server answering like api.osv.dev (limits and paging of §6.4).</summary>
public sealed class OsvApiClientTests
{
    private static HttpStack Stack() => new(new HttpOptions { Retries = 1 }, new FakeClock());

    private static LoopbackServerResponse AnswerBatch(LoopbackServerRequest request, List<int> batchSizes)
    {
        using var body = JsonDocument.Parse(request.Body);
        var queries = body.RootElement.GetProperty("queries").EnumerateArray().ToList();
        lock (batchSizes)
        {
            batchSizes.Add(queries.Count);
        }

        if (queries.Count > 1000)
        {
            return LoopbackServerResponse.Text(400, """{"code":3,"message":"Too many queries."}""");
        }

        var results = queries.Select(q =>
        {
            var name = q.GetProperty("package").GetProperty("name").GetString();
            var token = q.TryGetProperty("page_token", out var t) ? t.GetString() : null;
            return (name, token) switch
            {
                ("django", null) => """{"next_page_token":"p2"}""", // a page with only a token
                ("django", "p2") => """{"vulns":[{"id":"PYSEC-2024-70","modified":"2024-01-01T00:00:00Z"}],"next_page_token":"p3"}""",
                ("django", "p3") => """{"vulns":[{"id":"PYSEC-2024-47","modified":"2024-01-01T00:00:00Z"}]}""",
                _ => "{}",
            };
        });
        return LoopbackServerResponse.Text(200, $$"""{"results":[{{string.Join(",", results)}}]}""");
    }

    [Fact]
    public async Task QueryBatch_1500QueriesWithPaging_ChunksAt1000AndFollowsTokens()
    {
        var sizes = new List<int>();
        using var server = new LoopbackServer(r => r.Path == "/v1/querybatch" ? AnswerBatch(r, sizes) : LoopbackServerResponse.Text(404, "{}"));
        using var http = Stack();
        var queries = Enumerable.Range(0, 1500)
            .Select(i => new OsvQuery(new OsvPackage { Ecosystem = "PyPI", Name = i == 1200 ? "django" : $"pkg{i}" }, "1.0")).ToList();

        var results = await new OsvApiClient(http, server.BaseUri).QueryBatchAsync(queries);

        Assert.Equal(1500, results.Count);
        Assert.Equal(["PYSEC-2024-70", "PYSEC-2024-47"], results[1200]);
        Assert.All(results.Where((_, i) => i != 1200), r => Assert.Empty(r));
        Assert.Equal([1000, 500, 1, 1], sizes);
    }

    [Fact]
    public async Task GetVulnerability_RealRecordAndUnknownId_RecordOrNull()
    {
        byte[] record;
        using (var zip = ZipFile.OpenRead(SharedData.OsvPyPIZip))
        using (var stream = zip.GetEntry("PYSEC-2024-70.json")!.Open())
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            record = buffer.ToArray();
        }

        using var server = new LoopbackServer(r => r.Path == "/v1/vulns/PYSEC-2024-70"
            ? new LoopbackServerResponse(200, record)
            : LoopbackServerResponse.Text(404, """{"code":5,"message":"Bug not found."}"""));
        using var http = Stack();
        var client = new OsvApiClient(http, server.BaseUri);

        var found = await client.GetVulnerabilityAsync("PYSEC-2024-70");
        Assert.Equal("PYSEC-2024-70", found!.Id);
        Assert.Contains(found.Affected!, a => a.Package!.Name == "django");
        Assert.Null(await client.GetVulnerabilityAsync("PYSEC-0000-404"));
    }
}
