using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Pyfleet.Core.Fleet;

namespace Pyfleet.Server.Api.Internal;

/// <summary>
/// Reads a request body whole, at most <c>limit</c> bytes on the wire and — for <c>Content-Encoding: gzip</c> —
/// at most <c>limit</c> bytes after decompression, so a gzip bomb stops at the limit (413) instead of filling memory.
/// </summary>
internal static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (request.ContentLength > limit)
        {
            throw FleetException.TooLarge($"the body is larger than the limit of {limit} bytes");
        }

        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        Stream source = encoding switch
        {
            "" or "identity" => request.Body,
            "gzip" or "x-gzip" => new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true),
            _ => throw new FleetException(415, "Unsupported media type", $"Content-Encoding '{encoding}' is not supported (gzip or none)"),
        };
        try
        {
            return await CopyLimitedAsync(source, limit, cancellationToken);
        }
        catch (InvalidDataException)
        {
            throw FleetException.BadRequest("the body is not valid gzip");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw FleetException.TooLarge($"the body is larger than the limit of {limit} bytes");
        }
        finally
        {
            if (!ReferenceEquals(source, request.Body))
            {
                await source.DisposeAsync();
            }
        }
    }

    private static async Task<byte[]> CopyLimitedAsync(Stream source, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw FleetException.TooLarge($"the body is larger than the limit of {limit} bytes (after decompression)");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
